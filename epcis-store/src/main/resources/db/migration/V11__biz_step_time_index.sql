-- Events by business step within a time window (e.g. the shipments of the last 30 days that the shipped-not-received
-- alert looks at, docs/alerts.md): one index on (biz_step, event_time) serves both that and every lookup by business
-- step alone, so it replaces the index on biz_step.
ALTER TABLE epcis_event
    ADD KEY ix_event_biz_step_time (biz_step, event_time),
    DROP KEY ix_event_biz_step;
