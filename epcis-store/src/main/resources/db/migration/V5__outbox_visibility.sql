-- Visibility order of stored events (docs/store.md §5a). An outbox row gets visible_seq after its transaction has
-- committed, from one sequence under a row lock, so sequence numbers follow the order in which store calls became
-- visible, which row ids do not (a long capture takes low ids early and commits late). A query's pages cover the
-- rows whose visible_seq is at most the highest one at their first page: a fixed set, whatever commits meanwhile.
ALTER TABLE epcis_outbox
    ADD COLUMN visible_seq BIGINT NULL,
    ADD UNIQUE KEY ux_outbox_visible_seq (visible_seq);

CREATE TABLE outbox_sequence (
    id        TINYINT  NOT NULL,
    last_seq  BIGINT   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

-- What is stored already is visible, in row order.
UPDATE epcis_outbox SET visible_seq = id;
INSERT INTO outbox_sequence (id, last_seq) SELECT 1, COALESCE(MAX(id), 0) FROM epcis_outbox;
