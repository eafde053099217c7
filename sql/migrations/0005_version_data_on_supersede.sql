-- A version's full content is copied into packet_versions.data when a newer version supersedes it; the
-- current version's content is the packets row itself (data NULL), so a first import writes each text once.
ALTER TABLE packet_versions ALTER COLUMN data DROP NOT NULL;
