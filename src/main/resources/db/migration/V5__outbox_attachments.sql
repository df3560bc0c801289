-- Files attached to an outgoing mail (issue 5: the period's summaries mailed to staff). The files
-- stay under the data dir; the row names them, so the outbox holds no blobs and a retry reads the
-- same files again.
CREATE TABLE outbox_attachments (
    outbox_ref   INTEGER NOT NULL REFERENCES outbox (id),
    position     INTEGER NOT NULL,           -- 0-based order in the mail
    file_path    TEXT    NOT NULL,           -- absolute path of the file
    file_name    TEXT    NOT NULL,           -- the name the recipient sees, e.g. 新职业信息汇总表（全省）2026-12-31.xlsx
    content_type TEXT    NOT NULL,
    PRIMARY KEY (outbox_ref, position)
);
