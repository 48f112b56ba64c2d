-- Serial numbers issued for GTINs (track-and-trace, docs/serialization.md).
--
-- serial_number's unique key (gtin, serial) is what guarantees that a serial is never issued twice for a GTIN,
-- whatever the scheme and however many nodes issue at once: a second insert of the same pair fails in the
-- database, and the issuing code draws again (random) or moves its range (sequential).
-- Serials are AI 21 values (GS1 character set 82, ASCII), compared byte for byte: "a1" and "A1" are two serials.

-- One row per GTIN that has serials. Issuing locks it (SELECT ... FOR UPDATE), so that requests for one GTIN
-- follow one another: next_sequence is the next number of the sequential scheme, issued_count the number of
-- serials issued for the GTIN in every scheme, which the guessing-probability check of random requests uses.
CREATE TABLE serial_gtin (
    gtin           CHAR(14)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    next_sequence  BIGINT    NOT NULL,
    issued_count   BIGINT    NOT NULL,
    PRIMARY KEY (gtin)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per POST /serialization/requests. serial_length: the length of random serials; for sequential ones
-- the width they are padded to with leading zeros, or NULL for none. expiry is the AI 17 value (YYMMDD).
-- collision_retries counts the random serials drawn again because the GTIN had them already, and the
-- sequential ranges moved for the same reason.
-- commission_*: NULL when commissioning was not asked for; otherwise state pending, captured or failed, the
-- request's commissioning parameters (JSON), the eventTime fixed when the serials were issued, the eventIDs
-- of the captured events (one per line) and, when it failed, why.
CREATE TABLE serial_request (
    id                      CHAR(36)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    gtin                    CHAR(14)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    serial_count            INT            NOT NULL,
    scheme                  VARCHAR(16)    NOT NULL,
    serial_length           TINYINT        NULL,
    lot                     VARCHAR(20)    CHARACTER SET ascii COLLATE ascii_bin NULL,
    expiry                  CHAR(6)        NULL,
    created_at              DATETIME(6)    NOT NULL,
    collision_retries       INT            NOT NULL DEFAULT 0,
    commission_state        VARCHAR(16)    NULL,
    commission              JSON           NULL,
    commission_event_time   DATETIME(6)    NULL,
    commission_event_ids    TEXT           NULL,
    commission_error        VARCHAR(4000)  NULL,
    PRIMARY KEY (id),
    KEY ix_serial_request_gtin (gtin, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every serial issued, with the request that issued it and its position there (0-based), which orders the
-- request's pages.
CREATE TABLE serial_number (
    request_id  CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ordinal     INT          NOT NULL,
    gtin        CHAR(14)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    serial      VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (request_id, ordinal),
    UNIQUE KEY ux_serial_number (gtin, serial),
    CONSTRAINT fk_serial_number_request FOREIGN KEY (request_id) REFERENCES serial_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
