-- Issue 12: every task of a proposal re-indexed the whole search row (name, definition and the tasks
-- so far) through the trigram tokenizer: five index writes for a proposal of four tasks, a tenth of
-- an import's register time. The tasks now enter the index once, after the proposal's last task,
-- by the statement kept with the proposal rows (ProposalRows.INDEX_TASKS).
DROP TRIGGER proposal_search_task;
