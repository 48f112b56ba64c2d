-- Capture jobs of any size, duplicate protection that holds across nodes, and captured master data.
-- Design and reasons: docs/store.md (§3 duplicates, §6 capture jobs, §7 master data).

-- "The same event is stored once": one row per CBV 2.0 hash ID among events without an error declaration.
-- A generated column is NULL for error declarations (they repeat the hash of the event they correct), and a
-- UNIQUE index admits any number of NULLs. The database enforces it, so two nodes capturing the same event
-- at the same time cannot both store it (Galera certifies the unique key at commit).
ALTER TABLE epcis_event
    ADD COLUMN undeclared_hash_id VARCHAR(160)
        AS (IF(has_error_declaration, NULL, hash_id)) PERSISTENT,
    ADD UNIQUE KEY ux_event_undeclared_hash (undeclared_hash_id);

-- The received document is kept in pieces of at most 1 MiB, below any max_allowed_packet, so a document of
-- gigabytes is stored without holding it in memory and any node can finish the job after a crash.
CREATE TABLE capture_job_chunk (
    capture_id   VARCHAR(64)  NOT NULL,
    seq          INT          NOT NULL,
    data         MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (capture_id, seq)
) ENGINE = InnoDB;

-- RECEIVING: the document is arriving (no 202 sent yet; a job left in it after a crash is deleted).
-- events_done: with proceed, how many events of the document have been handled in committed batches, so a
-- resumed job goes on from there. document_size: bytes received.
ALTER TABLE capture_job
    DROP COLUMN document,
    ADD COLUMN document_size BIGINT NULL AFTER media_type,
    ADD COLUMN events_done INT NOT NULL DEFAULT 0 AFTER event_count,
    ADD COLUMN events_stored INT NOT NULL DEFAULT 0 AFTER events_done,
    ADD KEY ix_capture_job_sha256 (document_sha256, state);

-- Master data captured in document headers (EPCIS 2.0 §7.2, epcisHeader.epcisMasterData). Every capture of an
-- element adds a row; the latest row of (vocabulary_type, canonical_id) is the element's current definition.
CREATE TABLE master_data_element (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    vocabulary_type  VARCHAR(512)  NOT NULL,
    element_id       VARCHAR(2048) NOT NULL,
    canonical_id     VARCHAR(512)  NOT NULL,
    capture_id       VARCHAR(64)   NULL,
    record_time      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_master_element (canonical_id, vocabulary_type(160)),
    KEY ix_master_type (vocabulary_type(160), canonical_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per attribute value (a repeated attribute is multi-valued). string_value holds a simple value; a
-- structured value keeps is_complex = TRUE and its text content flattened in string_value (first 1024 chars).
CREATE TABLE master_data_attribute (
    element_row      BIGINT        NOT NULL,
    position         INT           NOT NULL,
    attribute_id     VARCHAR(512)  NOT NULL,
    string_value     VARCHAR(1024) NULL,
    is_complex       BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (element_row, position),
    KEY ix_master_attribute (attribute_id(160), string_value(160))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Children of an element (EPCIS 2.0 §6.5): WD_readPoint and WD_bizLocation expand descendants from here.
CREATE TABLE master_data_child (
    element_row      BIGINT        NOT NULL,
    position         INT           NOT NULL,
    child_id         VARCHAR(2048) NOT NULL,
    canonical_id     VARCHAR(512)  NOT NULL,
    PRIMARY KEY (element_row, position),
    KEY ix_master_child (canonical_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
