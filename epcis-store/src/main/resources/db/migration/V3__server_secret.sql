-- A secret shared by every node on this database, made once: it signs the query interface's page tokens, so a
-- token issued by one node is accepted by the others and cannot be forged or edited by a client.
CREATE TABLE server_secret (
    name        VARCHAR(64)   NOT NULL,
    secret      VARBINARY(64) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;

INSERT INTO server_secret (name, secret, created_at) VALUES ('page-token', RANDOM_BYTES(32), UTC_TIMESTAMP(6));
