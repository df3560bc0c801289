-- Mail intake: every message exactly once, archived raw, with its attachments and an audit trail.

CREATE TABLE messages (
    id                  INTEGER PRIMARY KEY,
    message_id          TEXT,                -- Message-ID without angle brackets; NULL when absent
    sha256              TEXT    NOT NULL UNIQUE,
    mailbox             TEXT    NOT NULL,    -- the source it came from, e.g. maildir:var/mailbox or imap://user@host/INBOX
    uid                 TEXT,                -- IMAP UID, POP3 UIDL, Maildir base name or imported file name
    from_address        TEXT    NOT NULL DEFAULT '',
    reply_to            TEXT    NOT NULL DEFAULT '',
    to_address          TEXT    NOT NULL DEFAULT '',
    date_header         TEXT,                -- ISO-8601 instant of the Date header, NULL when missing or unreadable
    subject             TEXT    NOT NULL DEFAULT '',
    size                INTEGER NOT NULL,
    received_at         TEXT    NOT NULL,    -- when the office's server got it; periods are judged on it
    registered_at       TEXT    NOT NULL,
    raw_path            TEXT    NOT NULL,    -- relative to the data directory
    status              TEXT    NOT NULL,    -- received, extracted, ... or failed
    status_reason       TEXT    NOT NULL DEFAULT '',
    attempts            INTEGER NOT NULL DEFAULT 0,
    last_error          TEXT    NOT NULL DEFAULT '',
    message_id_conflict INTEGER NOT NULL DEFAULT 0,  -- 1 when another message with this Message-ID has other bytes
    body_text           TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX messages_message_id ON messages (message_id);
CREATE INDEX messages_status ON messages (status);

CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY,
    message_ref     INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    parent_seq      INTEGER,
    origin          TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    declared_type   TEXT    NOT NULL DEFAULT '',
    detected_type   TEXT    NOT NULL DEFAULT '',
    size            INTEGER NOT NULL DEFAULT 0,
    sha256          TEXT,                    -- of the stored bytes under files/; NULL when not stored
    kind            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    status_reason   TEXT    NOT NULL DEFAULT '',
    url             TEXT,
    duration_seconds REAL,
    width           INTEGER,
    height          INTEGER,
    container       TEXT,
    UNIQUE (message_ref, seq)
);
CREATE INDEX attachments_sha256 ON attachments (sha256);

-- IMAP: UIDVALIDITY and the highest UID taken; a UIDVALIDITY change re-reads the folder.
CREATE TABLE mailbox_checkpoints (
    mailbox      TEXT PRIMARY KEY,
    uid_validity INTEGER NOT NULL,
    last_uid     INTEGER NOT NULL,
    updated_at   TEXT    NOT NULL
);

-- Every (mailbox, uid) already taken: POP3 UIDL, Maildir names, IMAP UIDs.
CREATE TABLE mailbox_uids (
    mailbox      TEXT    NOT NULL,
    uid_validity INTEGER NOT NULL DEFAULT 0,
    uid          TEXT    NOT NULL,
    message_ref  INTEGER NOT NULL REFERENCES messages (id),
    taken_at     TEXT    NOT NULL,
    PRIMARY KEY (mailbox, uid_validity, uid)
);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    message_ref INTEGER REFERENCES messages (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    detail      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX events_message ON events (message_ref);

-- One row per pass over one mailbox, for status and health.
CREATE TABLE passes (
    id          INTEGER PRIMARY KEY,
    mailbox     TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    new_count   INTEGER NOT NULL DEFAULT 0,
    duplicate_count INTEGER NOT NULL DEFAULT 0,
    failed_count INTEGER NOT NULL DEFAULT 0,
    error       TEXT    NOT NULL DEFAULT ''
);
