-- Named queries of the REST binding (POST /queries): a SimpleEventQuery kept under a name until it is deleted.
-- query holds the definition as the client sent it (JSON arrays for lists, an optional @context); it was checked
-- when it was stored and is read again by the query parser each time it runs.
CREATE TABLE named_query (
    name        VARCHAR(128)  NOT NULL,
    query       JSON          NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
