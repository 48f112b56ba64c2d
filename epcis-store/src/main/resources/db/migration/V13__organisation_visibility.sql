-- Organisation visibility (docs/security.md, "Visibility"; docs/store.md §8). Every stored event, capture job,
-- named query and subscription records the organisation it belongs to; the read paths show a caller only what
-- its roles allow.
--
-- Rows stored before this version belong to the operator's own organisation, 'local' (the default of
-- epcis.security.organisation). The defaults are dropped once the rows are filled, so a write that forgets the
-- organisation fails instead of quietly giving its rows to 'local'.

-- The organisation that captured the event. An InnoDB secondary key ends with the primary key, so this one is
-- (organisation, id): a QUERY caller's pages in the default (row) order read only its organisation's rows.
ALTER TABLE epcis_event
    ADD COLUMN organisation VARCHAR(128) NOT NULL DEFAULT 'local' AFTER capture_id,
    ADD KEY ix_event_organisation (organisation);
ALTER TABLE epcis_event ALTER COLUMN organisation DROP DEFAULT;

-- A partner's visibility looks up its GLNs (as canonical Digital Links, /414/ and /417/) in sources and
-- destinations of any type; the existing key leads with direction and type.
ALTER TABLE epcis_event_source_dest
    ADD KEY ix_source_dest_id (canonical_id);

-- The organisation that submitted the document: GET /capture lists only its own jobs, and the duplicate check of
-- submitted documents stays within one organisation.
ALTER TABLE capture_job
    ADD COLUMN organisation VARCHAR(128) NOT NULL DEFAULT 'local' AFTER capture_id,
    ADD KEY ix_capture_job_org (organisation, created_at);
ALTER TABLE capture_job ALTER COLUMN organisation DROP DEFAULT;

-- The organisation owning a named query: only it sees, runs, subscribes to or deletes it.
ALTER TABLE named_query
    ADD COLUMN organisation VARCHAR(128) NOT NULL DEFAULT 'local' AFTER name;
ALTER TABLE named_query ALTER COLUMN organisation DROP DEFAULT;

-- The caller that subscribed: its deliveries show what that caller may read. Roles as a comma-separated list of
-- Caller.Role names, partner GLNs likewise (13 digits each). Subscriptions made before this version read as a
-- QUERY caller of 'local', which sees exactly the events stored before it.
ALTER TABLE subscription
    ADD COLUMN owner_subject VARCHAR(255) NOT NULL DEFAULT '' AFTER query_name,
    ADD COLUMN owner_organisation VARCHAR(128) NOT NULL DEFAULT 'local' AFTER owner_subject,
    ADD COLUMN owner_roles VARCHAR(128) NOT NULL DEFAULT 'QUERY' AFTER owner_organisation,
    ADD COLUMN owner_glns VARCHAR(2048) NOT NULL DEFAULT '' AFTER owner_roles;
ALTER TABLE subscription
    ALTER COLUMN owner_subject DROP DEFAULT,
    ALTER COLUMN owner_organisation DROP DEFAULT,
    ALTER COLUMN owner_roles DROP DEFAULT,
    ALTER COLUMN owner_glns DROP DEFAULT;
