-- 002: stories. Every article joins one; ids are stable (a merged story points at the one it joined).
CREATE TABLE story (
  id          INTEGER PRIMARY KEY,
  created     INTEGER NOT NULL,
  merged_into INTEGER REFERENCES story(id),
  followed    INTEGER NOT NULL DEFAULT 0,
  followed_at INTEGER
);

-- flagged: the article joined while the story was followed (it is news to the follower).
-- neighbours: ids of the article's nearest articles when it joined (8-byte big-endian each), for re-ranking.
CREATE TABLE story_member (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  story_id   INTEGER NOT NULL REFERENCES story(id),
  joined     INTEGER NOT NULL,
  flagged    INTEGER NOT NULL DEFAULT 0,
  neighbours BLOB
);
CREATE INDEX story_member_story ON story_member(story_id);

-- A followed story's outline: kept when its articles are deleted, so the story can still be told.
CREATE TABLE story_skeleton (
  story_id   INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL,
  title      TEXT,
  link       TEXT,
  feed       TEXT,
  published  INTEGER,
  joined     INTEGER NOT NULL,
  PRIMARY KEY (story_id, article_id)
);
