-- Issue 12: the references that may lack a place (register.CasePlaceRepository), so that every
-- query command can tell "every case is placed" from one row instead of walking every proposal
-- through its document and case versions. Triggers queue a reference whenever something may have
-- made it a case without a place: a new case, a case version or proposal added, changed or gone
-- (an orphan proposal is a case of its own, P-<proposal id>), a place removed. A place written
-- takes its reference off the queue; the next listing drops the references it did not return.
-- seq grows on every queueing (AUTOINCREMENT never reuses one), so a listing drops only what it saw.

CREATE TABLE case_places_pending (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE
);

INSERT INTO case_places_pending (reference)
SELECT c.reference FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference);
INSERT OR IGNORE INTO case_places_pending (reference)
SELECT 'P-' || p.id FROM proposals p JOIN documents d ON d.id = p.document_ref
WHERE NOT EXISTS (SELECT 1 FROM case_versions v WHERE v.message_ref = d.message_ref AND v.form_seq = d.attachment_seq)
  AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = 'P-' || p.id);

CREATE TRIGGER case_places_pending_place_insert AFTER INSERT ON case_places BEGIN
    DELETE FROM case_places_pending WHERE reference = new.case_reference;
END;

CREATE TRIGGER case_places_pending_place_delete AFTER DELETE ON case_places BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference) VALUES (old.case_reference);
END;

CREATE TRIGGER case_places_pending_place_rename AFTER UPDATE OF case_reference ON case_places BEGIN
    DELETE FROM case_places_pending WHERE reference = new.case_reference;
    INSERT OR REPLACE INTO case_places_pending (reference) VALUES (old.case_reference);
END;

CREATE TRIGGER case_places_pending_case_insert AFTER INSERT ON cases BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT new.reference WHERE NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = new.reference);
END;

CREATE TRIGGER case_places_pending_case_rename AFTER UPDATE OF reference ON cases BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT new.reference WHERE NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = new.reference);
END;

-- A version filed: its case may now be listed; the proposal it points to is no longer a case of its own.
CREATE TRIGGER case_places_pending_version_insert AFTER INSERT ON case_versions BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT c.reference FROM cases c
    WHERE c.id = new.case_ref AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference);
    DELETE FROM case_places_pending WHERE reference IN (
        SELECT 'P-' || p.id FROM documents d JOIN proposals p ON p.document_ref = d.id
        WHERE d.message_ref = new.message_ref AND d.attachment_seq = new.form_seq);
END;

-- A version moved or gone: both cases may list differently, and the proposal it pointed to may be an orphan.
CREATE TRIGGER case_places_pending_version_update AFTER UPDATE OF case_ref, message_ref, form_seq ON case_versions BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT c.reference FROM cases c
    WHERE c.id IN (new.case_ref, old.case_ref) AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference);
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT 'P-' || p.id FROM documents d JOIN proposals p ON p.document_ref = d.id
    WHERE d.message_ref = old.message_ref AND d.attachment_seq = old.form_seq
      AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = 'P-' || p.id);
END;

CREATE TRIGGER case_places_pending_version_delete AFTER DELETE ON case_versions BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT c.reference FROM cases c
    WHERE c.id = old.case_ref AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference);
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT 'P-' || p.id FROM documents d JOIN proposals p ON p.document_ref = d.id
    WHERE d.message_ref = old.message_ref AND d.attachment_seq = old.form_seq
      AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = 'P-' || p.id);
END;

-- A proposal read (again, on reprocessing): an orphan is a case of its own; a case filed with its document may now be listed.
CREATE TRIGGER case_places_pending_proposal_insert AFTER INSERT ON proposals BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT 'P-' || new.id FROM documents d
    WHERE d.id = new.document_ref
      AND NOT EXISTS (SELECT 1 FROM case_versions v WHERE v.message_ref = d.message_ref AND v.form_seq = d.attachment_seq)
      AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = 'P-' || new.id);
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT c.reference FROM documents d
    JOIN case_versions v ON v.message_ref = d.message_ref AND v.form_seq = d.attachment_seq
    JOIN cases c ON c.id = v.case_ref
    WHERE d.id = new.document_ref AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference);
END;

CREATE TRIGGER case_places_pending_proposal_move AFTER UPDATE OF document_ref, message_ref ON proposals BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT 'P-' || new.id WHERE NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = 'P-' || new.id);
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT c.reference FROM case_versions v JOIN cases c ON c.id = v.case_ref
    WHERE v.message_ref IN (new.message_ref, old.message_ref)
      AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference);
END;

-- A proposal gone (its document deleted on reprocessing): the cases filed with its message may list differently.
CREATE TRIGGER case_places_pending_proposal_delete AFTER DELETE ON proposals BEGIN
    DELETE FROM case_places_pending WHERE reference = 'P-' || old.id;
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT c.reference FROM case_versions v JOIN cases c ON c.id = v.case_ref
    WHERE v.message_ref = old.message_ref AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference);
END;

CREATE TRIGGER case_places_pending_document_move AFTER UPDATE OF message_ref, attachment_seq ON documents BEGIN
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT 'P-' || p.id FROM proposals p
    WHERE p.document_ref = new.id AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = 'P-' || p.id);
    INSERT OR REPLACE INTO case_places_pending (reference)
    SELECT c.reference FROM case_versions v JOIN cases c ON c.id = v.case_ref
    WHERE v.message_ref IN (new.message_ref, old.message_ref)
      AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference);
END;
