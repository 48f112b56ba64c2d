-- Track-and-trace alerts (docs/alerts.md): what a rule found about one EPC, raised by the event that showed it.
-- The unique key makes raising idempotent: evaluating the same events again cannot add a second alert.
-- trigger_event_row is the epcis_event row id of the triggering event (no foreign key: the event tables carry
-- none, see V1); event_ids is a JSON array of the eventIDs of every event involved.
CREATE TABLE trace_alert (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    rule               VARCHAR(64)   NOT NULL,
    epc                VARCHAR(512)  NOT NULL,
    trigger_event_row  BIGINT        NOT NULL,
    event_ids          JSON          NOT NULL,
    detail             VARCHAR(2048) NOT NULL,
    raised_at          DATETIME(6)   NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    acknowledged_at    DATETIME(6)   NULL,
    acknowledged_by    VARCHAR(255)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_alert_rule_epc_trigger (rule, epc, trigger_event_row),
    KEY ix_alert_state (state, id),
    KEY ix_alert_rule_state (rule, state, id),
    KEY ix_alert_epc (epc)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
