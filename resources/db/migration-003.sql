-- 003: the desktop client's state. Settings as text key/values; saved searches with how far their
-- results were seen; per-feed permission to load remote images; when a story was last looked at.
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE saved_search (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  query        TEXT NOT NULL UNIQUE,
  -- the newest arrival time (epoch ms) among results already seen: later ones are news
  seen_through INTEGER NOT NULL DEFAULT 0
);

ALTER TABLE feed ADD COLUMN show_images INTEGER NOT NULL DEFAULT 0;
ALTER TABLE story ADD COLUMN looked_at INTEGER;
