-- Topic of a flag (normalized key terms of its evidence), for the template-fix candidates.
ALTER TABLE flags ADD COLUMN topic VARCHAR;
