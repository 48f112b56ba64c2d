-- AS2 messages received from trading partners (DSCSA documents; docs/as2.md, "Receiving"): one row per message
-- that passed decryption and signature verification, written and committed before the MDN says "processed".
--
-- A partner may send the same message again under the same Message-ID (RFC 4130 5.5, e.g. when it did not get our
-- MDN); the unique key finds the first row and the document is not handed on a second time.
-- Message-IDs (at most 998 characters, RFC 4130 5.3.3) and AS2 IDs are US-ASCII and compared case-sensitively.
--
-- hand_on_state: handing (being handed on, under a lease until hand_on_lease_until), done (capture_ref holds the
-- reference the handler returned), failed (hand_on_error says why; handed on again later).
CREATE TABLE as2_inbound_message (
    id                   BIGINT         NOT NULL AUTO_INCREMENT,
    partner_as2_id       VARCHAR(128)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    message_id           VARCHAR(998)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- The document after decryption and signature verification, with its transfer encoding undone.
    payload              LONGBLOB       NOT NULL,
    payload_sha256       CHAR(64)       NOT NULL,
    content_type         VARCHAR(255)   NULL,
    -- Received-Content-MIC as answered in the MDN: "<base64 digest>, <algorithm>".
    mic                  VARCHAR(255)   NOT NULL,
    received_at          DATETIME(6)    NOT NULL,
    hand_on_state        VARCHAR(16)    NOT NULL,
    hand_on_attempts     INT            NOT NULL DEFAULT 0,
    hand_on_lease_until  DATETIME(6)    NULL,
    capture_ref          VARCHAR(255)   NULL,
    hand_on_error        VARCHAR(4000)  NULL,
    handed_on_at         DATETIME(6)    NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_as2_inbound_message (partner_as2_id, message_id),
    KEY ix_as2_inbound_hand_on (hand_on_state, hand_on_lease_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
