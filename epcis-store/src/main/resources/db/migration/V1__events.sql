-- Event store, first version. Design and reasons: docs/store.md.
-- The event tables carry no foreign keys: MariaDB cannot partition a table that has or is referenced by one,
-- and they are to be range-partitioned by event row id (docs/store.md, "Growth"). The store writes an event
-- and all its rows in one transaction, which is what keeps them consistent.
-- Times are DATETIME(6) holding UTC; the exact written form (nanoseconds, offsets) lives in event_json.
-- Numbers are DECIMAL(65,20); a value that does not fit is left NULL in the projection (the JSON keeps it).

-- One delivery unit per successful store call (a capture or a single POST /events); written first so that
-- the events of the call can point at it.
CREATE TABLE epcis_outbox (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    created_at    DATETIME(6)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    capture_id    VARCHAR(64)  NULL,
    event_count   INT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_outbox_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per consumer of the outbox (subscriptions, each regulatory connector): who holds the lease, until
-- when, and the outbox id below which every row is known to be handled.
CREATE TABLE epcis_outbox_consumer (
    consumer         VARCHAR(64)  NOT NULL,
    lease_owner      VARCHAR(128) NULL,
    lease_until      DATETIME(6)  NULL,
    low_water_mark   BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (consumer)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Processed marker: one row per (consumer, outbox row) handled.
CREATE TABLE epcis_outbox_receipt (
    consumer      VARCHAR(64)  NOT NULL,
    outbox_id     BIGINT       NOT NULL,
    processed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, outbox_id),
    KEY ix_receipt_outbox (outbox_id),
    CONSTRAINT fk_receipt_outbox FOREIGN KEY (outbox_id) REFERENCES epcis_outbox (id) ON DELETE CASCADE,
    CONSTRAINT fk_receipt_consumer FOREIGN KEY (consumer) REFERENCES epcis_outbox_consumer (consumer)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE epcis_event (
    id                         BIGINT        NOT NULL AUTO_INCREMENT,
    outbox_id                  BIGINT        NOT NULL,
    capture_id                 VARCHAR(64)   NULL,
    event_type                 VARCHAR(32)   NOT NULL,
    action                     VARCHAR(8)    NULL,
    event_time                 DATETIME(6)   NOT NULL,
    event_time_zone_offset     CHAR(6)       NOT NULL,
    record_time                DATETIME(6)   NOT NULL,
    event_id                   VARCHAR(512)  NOT NULL,
    hash_id                    VARCHAR(160)  NOT NULL,
    biz_step                   VARCHAR(512)  NULL,
    disposition                VARCHAR(512)  NULL,
    read_point                 VARCHAR(512)  NULL,
    biz_location               VARCHAR(512)  NULL,
    transformation_id          VARCHAR(512)  NULL,
    certification_info         VARCHAR(2048) NULL,
    has_error_declaration      BOOLEAN       NOT NULL DEFAULT FALSE,
    error_declaration_time     DATETIME(6)   NULL,
    error_reason               VARCHAR(512)  NULL,
    has_sensor_data            BOOLEAN       NOT NULL DEFAULT FALSE,
    event_json                 JSON          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_event_record_time (record_time, id),
    KEY ix_event_event_time (event_time),
    KEY ix_event_event_id (event_id),
    KEY ix_event_hash_id (hash_id, has_error_declaration),
    KEY ix_event_type_time (event_type, event_time),
    KEY ix_event_action (action),
    KEY ix_event_biz_step (biz_step),
    KEY ix_event_disposition (disposition),
    KEY ix_event_read_point (read_point),
    KEY ix_event_biz_location (biz_location),
    KEY ix_event_transformation_id (transformation_id),
    KEY ix_event_error (has_error_declaration, error_declaration_time),
    KEY ix_event_error_reason (error_reason),
    KEY ix_event_capture (capture_id),
    KEY ix_event_outbox (outbox_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per identifier occurrence. role: EPC_LIST, PARENT, CHILD, INPUT, OUTPUT (instance identifiers);
-- QUANTITY, CHILD_QUANTITY, INPUT_QUANTITY, OUTPUT_QUANTITY (classes, with quantity and uom).
CREATE TABLE epcis_event_epc (
    event_row_id   BIGINT         NOT NULL,
    role           VARCHAR(16)    NOT NULL,
    position       INT            NOT NULL,
    canonical_id   VARCHAR(512)   NOT NULL,
    written_id     VARCHAR(2048)  NOT NULL,
    quantity       DECIMAL(65,20) NULL,
    uom            VARCHAR(16)    NULL,
    PRIMARY KEY (event_row_id, role, position),
    KEY ix_epc_canonical (canonical_id, role),
    KEY ix_epc_quantity (role, uom, quantity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- bizTransactionList; type is '' when the transaction has none (the query EQ_bizTransaction_<type> needs one).
CREATE TABLE epcis_event_biz_transaction (
    event_row_id   BIGINT        NOT NULL,
    position       INT           NOT NULL,
    type           VARCHAR(512)  NOT NULL,
    biz_transaction VARCHAR(512) NOT NULL,
    PRIMARY KEY (event_row_id, position),
    KEY ix_biz_transaction (type(200), biz_transaction(500))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- sourceList and destinationList; direction SOURCE or DESTINATION.
CREATE TABLE epcis_event_source_dest (
    event_row_id   BIGINT        NOT NULL,
    direction      VARCHAR(12)   NOT NULL,
    position       INT           NOT NULL,
    type           VARCHAR(512)  NOT NULL,
    canonical_id   VARCHAR(512)  NOT NULL,
    written_id     VARCHAR(2048) NOT NULL,
    PRIMARY KEY (event_row_id, direction, position),
    KEY ix_source_dest (direction, type(200), canonical_id(500))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- persistentDisposition; change SET or UNSET.
CREATE TABLE epcis_event_persistent_disposition (
    event_row_id   BIGINT        NOT NULL,
    change_kind    VARCHAR(8)    NOT NULL,
    position       INT           NOT NULL,
    disposition    VARCHAR(512)  NOT NULL,
    PRIMARY KEY (event_row_id, change_kind, position),
    KEY ix_persistent_disposition (change_kind, disposition)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE epcis_event_corrective_id (
    event_row_id        BIGINT        NOT NULL,
    position            INT           NOT NULL,
    corrective_event_id VARCHAR(512)  NOT NULL,
    PRIMARY KEY (event_row_id, position),
    KEY ix_corrective_event_id (corrective_event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Extension elements, flattened. scope: where the element sits (EVENT, ILMD, ERROR_DECLARATION, READ_POINT,
-- BIZ_LOCATION, SENSOR_ELEMENT, SENSOR_METADATA, SENSOR_REPORT); depth 0 for the top level of that scope
-- (EQ_<field>, EQ_ILMD_<field>...), deeper for inner elements (EQ_INNER_...). A simple value fills
-- string_value and every typed column its lexical form parses as.
CREATE TABLE epcis_event_field (
    event_row_id   BIGINT         NOT NULL,
    position       INT            NOT NULL,
    parent_position INT           NULL,
    scope          VARCHAR(20)    NOT NULL,
    depth          INT            NOT NULL,
    namespace      VARCHAR(255)   NOT NULL,
    local_name     VARCHAR(255)   NOT NULL,
    string_value   VARCHAR(1024)  NULL,
    numeric_value  DECIMAL(65,20) NULL,
    time_value     DATETIME(6)    NULL,
    boolean_value  BOOLEAN        NULL,
    PRIMARY KEY (event_row_id, position),
    KEY ix_field_string (namespace(160), local_name(80), scope, string_value(160)),
    KEY ix_field_numeric (namespace(160), local_name(80), scope, numeric_value),
    KEY ix_field_time (namespace(160), local_name(80), scope, time_value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per sensorElement: its sensorMetadata.
CREATE TABLE epcis_event_sensor_element (
    event_row_id            BIGINT        NOT NULL,
    element_index           INT           NOT NULL,
    time                    DATETIME(6)   NULL,
    start_time              DATETIME(6)   NULL,
    end_time                DATETIME(6)   NULL,
    device_id               VARCHAR(512)  NULL,
    device_metadata         VARCHAR(1024) NULL,
    raw_data                VARCHAR(1024) NULL,
    data_processing_method  VARCHAR(1024) NULL,
    biz_rules               VARCHAR(1024) NULL,
    PRIMARY KEY (event_row_id, element_index),
    KEY ix_sensor_element_time (time),
    KEY ix_sensor_element_start (start_time),
    KEY ix_sensor_element_end (end_time),
    KEY ix_sensor_element_device (device_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per sensorReport.
CREATE TABLE epcis_event_sensor_report (
    event_row_id            BIGINT         NOT NULL,
    element_index           INT            NOT NULL,
    report_index            INT            NOT NULL,
    type                    VARCHAR(512)   NULL,
    exception               VARCHAR(512)   NULL,
    device_id               VARCHAR(512)   NULL,
    device_metadata         VARCHAR(1024)  NULL,
    raw_data                VARCHAR(1024)  NULL,
    data_processing_method  VARCHAR(1024)  NULL,
    biz_rules               VARCHAR(1024)  NULL,
    time                    DATETIME(6)    NULL,
    microorganism           VARCHAR(512)   NULL,
    chemical_substance      VARCHAR(512)   NULL,
    value                   DECIMAL(65,20) NULL,
    component               VARCHAR(512)   NULL,
    string_value            VARCHAR(1024)  NULL,
    boolean_value           BOOLEAN        NULL,
    hex_binary_value        VARCHAR(1024)  NULL,
    uri_value               VARCHAR(1024)  NULL,
    min_value               DECIMAL(65,20) NULL,
    max_value               DECIMAL(65,20) NULL,
    mean_value              DECIMAL(65,20) NULL,
    s_dev                   DECIMAL(65,20) NULL,
    perc_rank               DECIMAL(65,20) NULL,
    perc_value              DECIMAL(65,20) NULL,
    uom                     VARCHAR(16)    NULL,
    coordinate_reference_system VARCHAR(512) NULL,
    PRIMARY KEY (event_row_id, element_index, report_index),
    KEY ix_sensor_report_type (type),
    KEY ix_sensor_report_device (device_id),
    KEY ix_sensor_report_time (time),
    KEY ix_sensor_report_value (uom, value),
    KEY ix_sensor_report_min (uom, min_value),
    KEY ix_sensor_report_max (uom, max_value),
    KEY ix_sensor_report_mean (uom, mean_value),
    KEY ix_sensor_report_perc_rank (perc_rank),
    KEY ix_sensor_report_string (string_value(191)),
    KEY ix_sensor_report_uri (uri_value(191)),
    KEY ix_sensor_report_microorganism (microorganism(191)),
    KEY ix_sensor_report_chemical (chemical_substance(191))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Capture jobs (the 202 of POST /capture): the received document is kept until the job finishes, so a job
-- interrupted by a crash is picked up again by whichever node takes its lease.
CREATE TABLE capture_job (
    capture_id        VARCHAR(64)   NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    error_behaviour   VARCHAR(16)   NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    started_at        DATETIME(6)   NULL,
    finished_at       DATETIME(6)   NULL,
    lease_owner       VARCHAR(128)  NULL,
    lease_until       DATETIME(6)   NULL,
    media_type        VARCHAR(128)  NOT NULL,
    document          LONGBLOB      NULL,
    document_sha256   CHAR(64)      NULL,
    event_count       INT           NULL,
    errors            JSON          NULL,
    PRIMARY KEY (capture_id),
    KEY ix_capture_job_state (state, lease_until),
    KEY ix_capture_job_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
