-- The packs the EU FMD connector uploads to the EU hub (docs/fmd.md): one row per commissioned pack (GTIN and
-- serial), with the batch and the expiry date as printed, taken from the commissioning event's ILMD, and the subject
-- of the delivery that uploads it. A batch's first upload carries the packs commissioned until its release; packs
-- commissioned later go in uploads of their own. The state change of a pack is sent with its batch and expiry from
-- here. A pack commissioned again keeps its first row.
CREATE TABLE fmd_pack (
    gtin             CHAR(14)       NOT NULL,
    serial           VARCHAR(64)    NOT NULL,
    lot              VARCHAR(255)   NOT NULL,
    expiry           VARCHAR(64)    NOT NULL,
    upload_subject   VARCHAR(512)   NOT NULL,
    event_id         VARCHAR(255)   NULL,
    PRIMARY KEY (gtin, serial),
    KEY ix_fmd_pack_upload (upload_subject(255)),
    KEY ix_fmd_pack_lot (gtin, lot(64))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
