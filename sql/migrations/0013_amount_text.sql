-- The deal amount as written in the CRM export ("£57,660", "2 316 540,00 PLN"): a flag that the amount disagrees
-- with the order form cites this text, as every flag cites the exact text that created it. NULL for packets
-- imported before this migration (their amount is still compared once they are imported again).
ALTER TABLE packets ADD COLUMN amount_text VARCHAR;
