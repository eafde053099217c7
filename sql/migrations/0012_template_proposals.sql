-- Template fixes as proposals: RevOps accepts or dismisses a recurring gap (a dismissal remembers how many packets
-- it covered, so the gap is raised again only when new packets add to it), and excludes one-off packets from it.
CREATE TABLE template_proposals (
  topic               VARCHAR PRIMARY KEY,   -- category|source|topic, as template_fixes
  status              VARCHAR NOT NULL,      -- accepted | dismissed
  packets_at_decision INTEGER NOT NULL,
  decided_by          VARCHAR NOT NULL,
  decided_at          TIMESTAMP NOT NULL
);

CREATE TABLE template_exclusions (
  topic       VARCHAR NOT NULL,
  deal_id     VARCHAR NOT NULL,
  excluded_by VARCHAR NOT NULL,
  excluded_at TIMESTAMP NOT NULL,
  PRIMARY KEY (topic, deal_id)
);
