-- Forms read from attachments: every proposal and summary table field in columns, so staff can
-- query any of them; repeated parts (tasks, employers, schools...) in their own tables.

-- One row per attachment read by the form reader, whatever it turned out to be.
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    message_ref     INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    attachment_seq  INTEGER NOT NULL,
    file_name       TEXT    NOT NULL,
    document_class  TEXT    NOT NULL,          -- proposal, summary_table, occupational_standard, other
    is_form         INTEGER NOT NULL,          -- 1 when read as one of the two forms
    text            TEXT    NOT NULL DEFAULT '',
    UNIQUE (message_ref, attachment_seq)
);

CREATE TABLE proposals (
    id                          INTEGER PRIMARY KEY,
    document_ref                INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
    message_ref                 INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    applicant                   TEXT NOT NULL,
    filled_date                 TEXT,
    filled_date_text            TEXT NOT NULL,
    category                    TEXT,
    occupation_name             TEXT NOT NULL,
    occupation_alternative_names TEXT NOT NULL,  -- the names joined by '；' (each also in proposal_items)
    occupation_definition       TEXT NOT NULL,
    occupation_related          TEXT NOT NULL,
    occupation_related_codes    TEXT NOT NULL,   -- joined by ' '
    occupation_industry         TEXT NOT NULL,
    requirements_ethics         TEXT NOT NULL,
    requirements_education      TEXT NOT NULL,
    requirements_special_abilities TEXT NOT NULL,
    requirements_physical       TEXT NOT NULL,
    requirements_teamwork       TEXT NOT NULL,
    requirements_safety         TEXT NOT NULL,
    workforce_national_count    TEXT NOT NULL,
    workforce_national_count_value INTEGER,
    workforce_regional_distribution TEXT NOT NULL,
    workforce_market            TEXT NOT NULL,
    workforce_pay               TEXT NOT NULL,
    workforce_data_sources      TEXT NOT NULL,
    analysis_background         TEXT NOT NULL,
    analysis_role               TEXT NOT NULL,
    analysis_technology         TEXT NOT NULL,
    analysis_prospects          TEXT NOT NULL,
    laws                        TEXT NOT NULL,
    abroad_requirements         TEXT NOT NULL,
    abroad_standards            TEXT NOT NULL,
    abroad_training             TEXT NOT NULL,
    contact_address             TEXT NOT NULL,
    contact_person              TEXT NOT NULL,
    contact_phone               TEXT NOT NULL,
    contact_email               TEXT NOT NULL,
    other                       TEXT NOT NULL,
    error_count                 INTEGER NOT NULL,
    warning_count               INTEGER NOT NULL
);
CREATE INDEX proposals_message ON proposals (message_ref);
CREATE INDEX proposals_name ON proposals (occupation_name);

CREATE TABLE proposal_tasks (
    proposal_ref INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    no           TEXT NOT NULL,
    content      TEXT NOT NULL,
    tools        TEXT NOT NULL,
    techniques   TEXT NOT NULL,
    PRIMARY KEY (proposal_ref, position)
);

CREATE TABLE proposal_employers (
    proposal_ref INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    address      TEXT NOT NULL,
    phone        TEXT NOT NULL,
    PRIMARY KEY (proposal_ref, position)
);

CREATE TABLE proposal_schools (
    proposal_ref INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    institution  TEXT NOT NULL,
    major        TEXT NOT NULL,
    courses      TEXT NOT NULL,
    PRIMARY KEY (proposal_ref, position)
);

CREATE TABLE proposal_training_institutions (
    proposal_ref INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    address      TEXT NOT NULL,
    phone        TEXT NOT NULL,
    PRIMARY KEY (proposal_ref, position)
);

-- The one-value lists: occupation.alternative_names, abroad.countries, abroad.similar_names, abroad.main_tasks.
CREATE TABLE proposal_items (
    proposal_ref INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    list         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (proposal_ref, list, position)
);

CREATE TABLE summary_tables (
    id               INTEGER PRIMARY KEY,
    document_ref     INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
    message_ref      INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    city             TEXT NOT NULL,
    preparer         TEXT NOT NULL,
    filled_date      TEXT,
    filled_date_text TEXT NOT NULL
);

CREATE TABLE summary_rows (
    summary_table_ref INTEGER NOT NULL REFERENCES summary_tables (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    no                TEXT NOT NULL,
    category          TEXT,
    name              TEXT NOT NULL,
    alternative_names TEXT NOT NULL,
    definition        TEXT NOT NULL,
    related           TEXT NOT NULL,
    industry          TEXT NOT NULL,
    applicant         TEXT NOT NULL,
    contact           TEXT NOT NULL,
    city_reviewed     INTEGER,
    PRIMARY KEY (summary_table_ref, position)
);

-- Findings of a document (file level), of the proposal or table read from it, and of the message.
CREATE TABLE findings (
    id           INTEGER PRIMARY KEY,
    message_ref  INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    document_ref INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    scope        TEXT NOT NULL,                -- message, file (the file itself), form (its content)
    code         TEXT NOT NULL,
    severity     TEXT NOT NULL,
    field        TEXT,
    message      TEXT NOT NULL
);
CREATE INDEX findings_message ON findings (message_ref);
CREATE INDEX findings_document ON findings (document_ref);

-- Proposals of the same or a very similar occupation from other applicants or cities.
CREATE TABLE proposal_links (
    proposal_ref INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    other_ref    INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    similarity   REAL NOT NULL,
    same_name    INTEGER NOT NULL,
    PRIMARY KEY (proposal_ref, other_ref)
);
