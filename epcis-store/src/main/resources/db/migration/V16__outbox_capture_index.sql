-- A capture job is reported finished once its events are visible to queries, i.e. once every outbox row of the job
-- has its visible_seq (docs/store.md §6): this index answers "any row of this capture still unnumbered?".
ALTER TABLE epcis_outbox
    ADD KEY ix_outbox_capture (capture_id, visible_seq);
