-- The top-level headers of every message, read once at intake with one decoder (issue 11), so that
-- every later step (reply policy, classification, threading, the reply's address) reads the same
-- values from the register instead of re-parsing the raw file. Values are unfolded, control
-- characters removed, bounded like the reader bounds them. The parsed address lists live on the
-- message: NULL means "registered before V13", and the answer step then backfills them once.
CREATE TABLE message_headers (
    message_ref INTEGER NOT NULL REFERENCES messages (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (message_ref, position)
);

ALTER TABLE messages ADD COLUMN from_addresses TEXT;
ALTER TABLE messages ADD COLUMN reply_to_addresses TEXT;
ALTER TABLE messages ADD COLUMN return_path_addresses TEXT;
