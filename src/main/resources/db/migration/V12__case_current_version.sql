-- Each case's latest version and the latest version that carried a proposal, kept on the case row
-- (issue 12): listing 100,000 cases then joins case_versions by its unique (case_ref, version) key
-- instead of finding every case's maximum versions on the fly. Triggers keep both numbers in the
-- same transaction as whatever files, rewrites or removes a version, whoever writes it.
ALTER TABLE cases ADD COLUMN latest_version INTEGER;
ALTER TABLE cases ADD COLUMN form_version INTEGER;

UPDATE cases SET
    latest_version = (SELECT max(v.version) FROM case_versions v WHERE v.case_ref = cases.id),
    form_version = (SELECT max(v.version) FROM case_versions v WHERE v.case_ref = cases.id AND v.form_seq IS NOT NULL);

CREATE TRIGGER case_versions_current_after_insert AFTER INSERT ON case_versions BEGIN
    UPDATE cases SET
        latest_version = (SELECT max(v.version) FROM case_versions v WHERE v.case_ref = NEW.case_ref),
        form_version = (SELECT max(v.version) FROM case_versions v WHERE v.case_ref = NEW.case_ref AND v.form_seq IS NOT NULL)
    WHERE id = NEW.case_ref;
END;

CREATE TRIGGER case_versions_current_after_update AFTER UPDATE OF case_ref, version, form_seq ON case_versions BEGIN
    UPDATE cases SET
        latest_version = (SELECT max(v.version) FROM case_versions v WHERE v.case_ref = cases.id),
        form_version = (SELECT max(v.version) FROM case_versions v WHERE v.case_ref = cases.id AND v.form_seq IS NOT NULL)
    WHERE id IN (NEW.case_ref, OLD.case_ref);
END;

CREATE TRIGGER case_versions_current_after_delete AFTER DELETE ON case_versions BEGIN
    UPDATE cases SET
        latest_version = (SELECT max(v.version) FROM case_versions v WHERE v.case_ref = OLD.case_ref),
        form_version = (SELECT max(v.version) FROM case_versions v WHERE v.case_ref = OLD.case_ref AND v.form_seq IS NOT NULL)
    WHERE id = OLD.case_ref;
END;

-- When the case's first message arrived (the case's creation without one): the order staff list
-- cases in, indexed so that the newest hundred are read without sorting the register.
ALTER TABLE cases ADD COLUMN received_at TEXT;
UPDATE cases SET received_at = coalesce(
    (SELECT m.received_at FROM case_versions v JOIN messages m ON m.id = v.message_ref WHERE v.case_ref = cases.id AND v.version = 1),
    created_at);
CREATE INDEX cases_received ON cases (received_at, reference);

CREATE TRIGGER cases_received_after_insert AFTER INSERT ON cases WHEN NEW.received_at IS NULL BEGIN
    UPDATE cases SET received_at = NEW.created_at WHERE id = NEW.id;
END;

CREATE TRIGGER case_versions_received_after_insert AFTER INSERT ON case_versions WHEN NEW.version = 1 BEGIN
    UPDATE cases SET received_at = coalesce((SELECT m.received_at FROM messages m WHERE m.id = NEW.message_ref), created_at)
    WHERE id = NEW.case_ref;
END;
