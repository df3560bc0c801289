-- Issue 12: the answer step counts the replies already queued for a message (CaseTransaction) once
-- per mail, and without an index on message_ref SQLite scanned the whole outbox for it, one row
-- per reply ever queued: a cost that grew with the register (EXPLAIN QUERY PLAN: SCAN outbox).
CREATE INDEX outbox_message ON outbox (message_ref);
