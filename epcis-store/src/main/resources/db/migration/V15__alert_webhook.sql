-- Alerts delivered by webhook (docs/alerts.md, "Webhook"): each alert is POSTed to the configured receiver until
-- it answers 2xx. The delivery state lives with the alert, so a restart goes on where the last run stopped.
-- webhook_next_at: not before this (database clock, UTC) is the alert sent (again); a node sending it sets it
-- ahead by its claim, so that no other node sends it meanwhile and a node that stopped mid-send is retried.
-- webhook_delivered_at: when the receiver answered 2xx; NULL while the alert is still to be delivered.
-- webhook_attempts, webhook_status, webhook_error: how many attempts, the last status (-1: no answer) and reason.
ALTER TABLE trace_alert
    ADD COLUMN webhook_next_at       DATETIME(6)   NULL,
    ADD COLUMN webhook_delivered_at  DATETIME(6)   NULL,
    ADD COLUMN webhook_attempts      INT           NOT NULL DEFAULT 0,
    ADD COLUMN webhook_status        INT           NULL,
    ADD COLUMN webhook_error         VARCHAR(512)  NULL,
    ADD KEY ix_alert_webhook (webhook_delivered_at, webhook_next_at, id);
