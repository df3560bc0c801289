-- Cases with reference numbers, their versions (one per message that fed them), staff flags,
-- and the durable outbox of automatic replies (issue 4).

-- The last sequence number given out per year of receipt: XZY-<year>-<seq>.
CREATE TABLE reference_counters (
    year     INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL
);

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    reference   TEXT    NOT NULL UNIQUE,     -- XZY-2026-0001, never changes
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    kind        TEXT    NOT NULL,            -- proposal | batch_item | no_form
    title       TEXT    NOT NULL DEFAULT '', -- 职业(工种)名称 of the latest version, '' when none
    applicant   TEXT    NOT NULL DEFAULT '',
    batch       TEXT,                        -- reference of the first case of a city bureau batch, NULL otherwise
    status      TEXT    NOT NULL,            -- received | needs_correction | complete
    flagged     INTEGER NOT NULL DEFAULT 0,  -- 1 when staff must look (unknown sender, bounce, failing reply)
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (year, seq)
);

-- Every message that fed a case, in order; version 1 is the first submission.
CREATE TABLE case_versions (
    id            INTEGER PRIMARY KEY,
    case_ref      INTEGER NOT NULL REFERENCES cases (id),
    version       INTEGER NOT NULL,
    message_ref   INTEGER NOT NULL REFERENCES messages (id),
    form_seq      INTEGER,                   -- attachment seq of the proposal, NULL when none
    error_count   INTEGER NOT NULL DEFAULT 0,
    warning_count INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL,
    UNIQUE (case_ref, version),
    UNIQUE (case_ref, message_ref)
);
CREATE INDEX case_versions_message ON case_versions (message_ref);

-- Addresses the case has heard from or written to: a subject reference from anyone else is flagged.
CREATE TABLE case_senders (
    case_ref INTEGER NOT NULL REFERENCES cases (id),
    address  TEXT    NOT NULL,               -- lower-case bare address
    PRIMARY KEY (case_ref, address)
);

-- What staff should know about a case: unknown sender, bounce, failing reply, capped reply.
CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    case_ref    INTEGER NOT NULL REFERENCES cases (id),
    message_ref INTEGER REFERENCES messages (id),
    at          TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    detail      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX case_events_case ON case_events (case_ref);

-- Outgoing mail, written in the same transaction as the state change that calls for it.
-- state: queued -> claimed -> transmitting -> sent; retrying (after a temporary failure);
-- failed (permanent refusal or attempts exhausted); uncertain (a sender died while transmitting).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    case_ref        INTEGER REFERENCES cases (id),   -- the first case it is about, NULL for staff mail
    reference       TEXT    NOT NULL DEFAULT '',
    message_ref     INTEGER REFERENCES messages (id), -- the message it answers, NULL for staff mail
    kind            TEXT    NOT NULL,        -- receipt | correction | batch_receipt | batch_correction | resubmission_ack | health_alert | health_recovered
    to_address      TEXT    NOT NULL,        -- lower-case bare address, validated
    subject         TEXT    NOT NULL,
    message_id      TEXT    NOT NULL UNIQUE, -- our Message-ID, without angle brackets
    in_reply_to     TEXT    NOT NULL DEFAULT '',
    references_ids  TEXT    NOT NULL DEFAULT '', -- space separated, without angle brackets
    body_text       TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    claimed_by      TEXT,                    -- pid@start-instant of the sender process holding the claim
    claimed_at      TEXT,
    last_response   TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL,
    sent_at         TEXT
);
CREATE INDEX outbox_state ON outbox (state, next_attempt_at);
CREATE INDEX outbox_to ON outbox (to_address, created_at);

-- Every case an outgoing mail is about (a batch reply names several).
CREATE TABLE outbox_cases (
    outbox_ref INTEGER NOT NULL REFERENCES outbox (id),
    case_ref   INTEGER NOT NULL REFERENCES cases (id),
    PRIMARY KEY (outbox_ref, case_ref)
);
CREATE INDEX outbox_cases_case ON outbox_cases (case_ref);

-- Small named facts that must survive restarts, e.g. whether the health alert is open.
CREATE TABLE service_state (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
