-- Issue 12: an index of the occupation names' character bigrams, so that looking for proposals of
-- the same or a very similar name (issue 3) reads a few postings instead of the whole register.
-- Keys and bigrams are computed in Java (form.SimilarNameProbe); the triggers only queue the
-- proposals whose name is new or changed, and the next lookup indexes the queue first.

CREATE TABLE proposal_name_keys (
    proposal_ref INTEGER PRIMARY KEY REFERENCES proposals (id) ON DELETE CASCADE,
    name_key     TEXT NOT NULL,            -- DuplicateMatcher's key of occupation_name
    core         TEXT NOT NULL             -- the key without its role word, '' when none
);
CREATE INDEX proposal_name_keys_core ON proposal_name_keys (core) WHERE core <> '';

CREATE TABLE proposal_name_bigrams (
    bigram       TEXT    NOT NULL,
    proposal_ref INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    PRIMARY KEY (bigram, proposal_ref)
) WITHOUT ROWID;
CREATE INDEX proposal_name_bigrams_proposal ON proposal_name_bigrams (proposal_ref);

-- How many names hold each bigram, to look up the rarest; only a guide (never decremented).
CREATE TABLE name_bigram_counts (
    bigram TEXT PRIMARY KEY,
    names  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE proposal_name_pending (
    proposal_ref INTEGER PRIMARY KEY
);
INSERT INTO proposal_name_pending (proposal_ref) SELECT id FROM proposals;

CREATE TRIGGER proposal_name_queue_insert AFTER INSERT ON proposals BEGIN
    INSERT OR IGNORE INTO proposal_name_pending (proposal_ref) VALUES (new.id);
END;

CREATE TRIGGER proposal_name_queue_rename AFTER UPDATE OF occupation_name ON proposals BEGIN
    INSERT OR IGNORE INTO proposal_name_pending (proposal_ref) VALUES (new.id);
END;

CREATE TRIGGER proposal_name_queue_delete AFTER DELETE ON proposals BEGIN
    DELETE FROM proposal_name_pending WHERE proposal_ref = old.id;
END;
