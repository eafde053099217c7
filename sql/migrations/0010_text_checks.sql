-- What the scorer could not read: a JSON object of text field -> language code for the fields that are not in
-- English (their text checks did not run; numbers, dates, amounts and owners were still checked). NULL when every
-- field was read.
ALTER TABLE packets ADD COLUMN text_checks VARCHAR;
