-- How many of the seven packet parts are present (see sql/macros/00_packet_parts.sql), stored when a packet is
-- imported so completeness does not rescan the text on every query. Backfilled on open.
ALTER TABLE packets ADD COLUMN parts_present INTEGER;
