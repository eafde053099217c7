-- Server-side sessions (issue 13 #10): the cookie carries a random id, signed; the row holds only its sha256, so a
-- copy of the database does not hand out live sessions. Deleted on sign-out, ignored and removed once expired.
CREATE TABLE sessions (
  id_hash     VARCHAR PRIMARY KEY,
  user_id     INTEGER NOT NULL,
  created_at  TIMESTAMP NOT NULL,
  expires_at  TIMESTAMP NOT NULL
);

-- The audit log's anchor (issue 13 #7): the chain's head (last seq and hash) with an HMAC keyed by the server
-- secret, rewritten with every append. Truncating the log or re-chaining it with the public formula no longer
-- matches the anchor, and the anchor cannot be rewritten without the secret.
CREATE TABLE audit_anchor (
  id          INTEGER PRIMARY KEY,
  seq         INTEGER NOT NULL,
  head_hash   VARCHAR NOT NULL,
  mac         VARCHAR NOT NULL,
  updated_at  TIMESTAMP NOT NULL
);
