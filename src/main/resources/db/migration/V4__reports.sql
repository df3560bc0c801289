-- Reporting (issue 5): the city and period of each case, staff reviews, their audit trail, and a
-- full-text index of the proposals' names, definitions and tasks.

-- The city and reporting period of a case. source says what decided each: for the city one of
-- summary_table, sender, address, applicant, none (see CityDecision) or staff; for the period
-- received (the first deadline on or after receipt) or staff. Staff values are never recomputed.
CREATE TABLE case_places (
    case_reference TEXT PRIMARY KEY,          -- XZY-2026-0001
    city           TEXT NOT NULL,             -- one of the 21 地级以上市, 省属 or 未确定
    city_source    TEXT NOT NULL,
    period         TEXT NOT NULL,             -- ISO date of the deadline, e.g. 2026-12-31
    period_source  TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX case_places_period ON case_places (period, city);

-- 地市初审 (stage city) and 省级论证 (stage province); result pass | fail | cultivate.
CREATE TABLE case_reviews (
    id             INTEGER PRIMARY KEY,
    case_reference TEXT NOT NULL,
    stage          TEXT NOT NULL,
    result         TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    reviewed_by    TEXT NOT NULL,
    reviewed_at    TEXT NOT NULL
);
CREATE INDEX case_reviews_case ON case_reviews (case_reference, stage);

-- Who changed what about a case's reporting, and when: assignments by staff and reviews.
CREATE TABLE case_audit (
    id             INTEGER PRIMARY KEY,
    case_reference TEXT NOT NULL,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    kind           TEXT NOT NULL,             -- city_set, period_set, review
    detail         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_audit_case ON case_audit (case_reference);

-- Names, alternative names, definitions and tasks of every proposal; rowid = proposals.id. The
-- trigram tokenizer matches any substring of three or more characters, which Chinese needs (no
-- spaces between words); shorter queries fall back to LIKE over the same columns.
CREATE VIRTUAL TABLE proposal_search USING fts5 (
    name, alternative_names, definition, tasks, tokenize = 'trigram'
);

INSERT INTO proposal_search (rowid, name, alternative_names, definition, tasks)
SELECT p.id, p.occupation_name, p.occupation_alternative_names, p.occupation_definition,
       COALESCE((SELECT group_concat(t.content, '；') FROM proposal_tasks t WHERE t.proposal_ref = p.id), '')
FROM proposals p;

CREATE TRIGGER proposal_search_insert AFTER INSERT ON proposals BEGIN
    INSERT INTO proposal_search (rowid, name, alternative_names, definition, tasks)
    VALUES (new.id, new.occupation_name, new.occupation_alternative_names, new.occupation_definition, '');
END;

CREATE TRIGGER proposal_search_task AFTER INSERT ON proposal_tasks BEGIN
    UPDATE proposal_search SET tasks = CASE WHEN tasks = '' THEN new.content ELSE tasks || '；' || new.content END
    WHERE rowid = new.proposal_ref;
END;

CREATE TRIGGER proposal_search_delete AFTER DELETE ON proposals BEGIN
    DELETE FROM proposal_search WHERE rowid = old.id;
END;
