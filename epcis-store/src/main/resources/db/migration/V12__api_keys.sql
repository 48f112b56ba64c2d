-- API keys of machine clients (docs/security.md). Only a SHA-256 hash of each key's secret is stored: the secret
-- is 256 random bits, so a fast hash is as good as a slow one against guessing, and a stolen table gives no key.
-- roles is a comma-separated list of role names, partner_glns a comma-separated list of 13-digit GLNs.
-- A revoked key keeps its row (revoked_at set), so that the audit trail and the list still show it.
CREATE TABLE api_key (
    id            VARCHAR(32)   NOT NULL,
    secret_sha256 BINARY(32)    NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    organisation  VARCHAR(255)  NOT NULL,
    roles         VARCHAR(255)  NOT NULL,
    partner_glns  VARCHAR(4096) NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    revoked_at    DATETIME(6)   NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row once the first administrator key was made: inserting it is what lets exactly one start (of however
-- many servers share the database) make that key, and a later start, even with every key revoked, make none.
CREATE TABLE api_key_bootstrap (
    id         TINYINT     NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
