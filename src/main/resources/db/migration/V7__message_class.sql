-- What each message is (issue 10) and why: submission | enquiry | unrelated | automatic, decided
-- by the answer step ('auto') or by staff with ./run.sh classify ('staff'; the answer step keeps it).
ALTER TABLE messages ADD COLUMN mail_class         TEXT NOT NULL DEFAULT '';  -- '' until the answer step ran
ALTER TABLE messages ADD COLUMN mail_class_reasons TEXT NOT NULL DEFAULT '';  -- Chinese sentences, one per line
ALTER TABLE messages ADD COLUMN mail_class_by      TEXT NOT NULL DEFAULT '';  -- auto | staff
CREATE INDEX messages_mail_class ON messages (mail_class);
