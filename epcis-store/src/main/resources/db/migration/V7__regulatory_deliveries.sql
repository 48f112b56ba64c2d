-- Deliveries of the regulatory connectors (DSCSA over AS2, EU FMD hub; docs/deliveries.md): one row per document
-- a connector must hand to a partner, with the exact bytes sent, the partner's receipt and where it stands.
--
-- A delivery is created once per (connector, partner, subject): the subject names what it delivers (e.g. the
-- eventID of a shipping event), so a connector that sees the same event again cannot create a second one.
-- state: pending (to be sent, at next_attempt_at), sent (handed over, receipt awaited), acknowledged (done),
-- failed (an attempt failed; retried at next_attempt_at), dead (gave up after the most attempts; replayable).
CREATE TABLE regulatory_delivery (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    connector        VARCHAR(32)    NOT NULL,
    partner          VARCHAR(128)   NOT NULL,
    subject          VARCHAR(512)   NOT NULL,
    outbox_id        BIGINT         NULL,
    state            VARCHAR(16)    NOT NULL,
    -- Fixed when the document is first built; every resend carries the same message id and the same bytes.
    message_id       VARCHAR(255)   NULL,
    payload          LONGBLOB       NULL,
    payload_sha256   CHAR(64)       NULL,
    content_type     VARCHAR(128)   NULL,
    mic              VARCHAR(255)   NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)    NULL,
    last_error       VARCHAR(4000)  NULL,
    receipt          LONGBLOB       NULL,
    receipt_info     VARCHAR(4000)  NULL,
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    sent_at          DATETIME(6)    NULL,
    acknowledged_at  DATETIME(6)    NULL,
    lease_owner      VARCHAR(128)   NULL,
    lease_until      DATETIME(6)    NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_delivery_subject (connector, partner, subject(255)),
    KEY ix_delivery_due (connector, state, next_attempt_at),
    KEY ix_delivery_message (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every attempt, for the operator: when, how it ended, and why.
CREATE TABLE regulatory_delivery_attempt (
    delivery_id  BIGINT         NOT NULL,
    attempt      INT            NOT NULL,
    started_at   DATETIME(6)    NOT NULL,
    finished_at  DATETIME(6)    NOT NULL,
    outcome      VARCHAR(16)    NOT NULL,
    detail       VARCHAR(4000)  NULL,
    PRIMARY KEY (delivery_id, attempt),
    CONSTRAINT fk_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES regulatory_delivery (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
