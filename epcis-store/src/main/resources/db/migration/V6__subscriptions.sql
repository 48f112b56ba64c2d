-- Webhook subscriptions to named queries (REST binding, POST /queries/{name}/subscriptions; docs/subscriptions.md).
-- A subscription ends with its query: deleting the named_query row deletes its subscriptions.
--
-- Position: events are delivered in visibility order, (visible_seq of the event's outbox row, event row id).
-- (position_seq, position_event) is the last event handed over and acknowledged with a 2xx, or the point up to
-- which every event was looked at (position_event = 9223372036854775807 when all of position_seq was). Nothing
-- before it is sent again, nothing after it has been skipped: it only moves after the receiver has answered 2xx.
CREATE TABLE subscription (
    id                   VARCHAR(64)    NOT NULL,
    query_name           VARCHAR(128)   NOT NULL,
    dest                 VARCHAR(2048)  NOT NULL,
    -- The client's secret for GS1-Signature. Never returned by the API.
    signature_token      VARCHAR(1024)  NULL,
    stream               BOOLEAN        NOT NULL,
    -- {"second": "...", ...} as the client gave it; NULL for a streaming subscription.
    schedule             JSON           NULL,
    report_if_empty      BOOLEAN        NOT NULL,
    initial_record_time  DATETIME(6)    NOT NULL,
    media_type           VARCHAR(64)    NOT NULL,
    epc_format           VARCHAR(32)    NULL,
    cbv_xml_format       VARCHAR(32)    NULL,
    created_at           DATETIME(6)    NOT NULL,
    batch_size           INT            NOT NULL,
    position_seq         BIGINT         NOT NULL,
    position_event       BIGINT         NOT NULL,
    -- recordTime from which the next scheduled run reports (the standard's minRecordTime).
    min_record_time      DATETIME(6)    NOT NULL,
    last_notified_at     DATETIME(6)    NULL,
    next_run_at          DATETIME(6)    NULL,
    -- 'active', or 'failing' once deliveries failed more often in a row than allowed (still retried).
    state                VARCHAR(16)    NOT NULL,
    failures             INT            NOT NULL DEFAULT 0,
    retry_at             DATETIME(6)    NULL,
    last_error           VARCHAR(2048)  NULL,
    lease_owner          VARCHAR(128)   NULL,
    lease_until          DATETIME(6)    NULL,
    PRIMARY KEY (id),
    KEY ix_subscription_query (query_name, id),
    CONSTRAINT fk_subscription_query FOREIGN KEY (query_name) REFERENCES named_query (name) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
