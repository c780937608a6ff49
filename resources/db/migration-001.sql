-- 001: feeds, folders, articles, their state and versions, and the queue the search index drains.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE folder (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  parent_id INTEGER REFERENCES folder(id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX folder_name ON folder(ifnull(parent_id, 0), name);

CREATE TABLE feed (
  id               INTEGER PRIMARY KEY,
  url              TEXT NOT NULL UNIQUE,
  title            TEXT,
  site_url         TEXT,
  language         TEXT,
  folder_id        INTEGER REFERENCES folder(id) ON DELETE SET NULL,
  added_at         INTEGER NOT NULL,
  -- fetch state: validators, last body, outcome, back-off
  etag             TEXT,
  last_modified    TEXT,
  body_hash        TEXT,
  last_attempt     INTEGER,
  last_success     INTEGER,
  http_status      INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT,
  next_fetch_after INTEGER,
  failures         INTEGER NOT NULL DEFAULT 0
);

-- id is derived from (feed_id, item_key): see ArticleIds. It is not the rowid: derived ids are
-- random, and inserting wide rows at random places in the table B-tree is several times slower
-- than appending them; the unique index on id takes the random inserts with 16-byte entries.
-- Times are epoch milliseconds.
CREATE TABLE article (
  seq          INTEGER PRIMARY KEY,
  id           INTEGER NOT NULL UNIQUE,
  feed_id      INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
  item_key     TEXT NOT NULL,
  guid         TEXT,
  link         TEXT,
  title        TEXT,
  author       TEXT,
  summary      TEXT,
  content      TEXT,
  categories   TEXT,
  published    INTEGER,
  arrived      INTEGER NOT NULL,
  sort_time    INTEGER NOT NULL,
  updated      INTEGER NOT NULL DEFAULT 0,
  read         INTEGER NOT NULL DEFAULT 0,
  starred      INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL
);
CREATE INDEX article_feed_time ON article(feed_id, sort_time);
CREATE INDEX article_time ON article(sort_time);

CREATE TABLE enclosure (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  url        TEXT NOT NULL,
  type       TEXT,
  length     INTEGER NOT NULL DEFAULT -1
);
CREATE INDEX enclosure_article ON enclosure(article_id);

-- The previous text of an article whose title or content changed.
CREATE TABLE article_version (
  article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  replaced_at INTEGER NOT NULL,
  title       TEXT,
  summary     TEXT,
  content     TEXT
);
CREATE INDEX article_version_article ON article_version(article_id);

-- Written in the same transaction as the article change; the indexer deletes the rows it has
-- committed (seq <= the last one it read), so a change made meanwhile is never lost. AUTOINCREMENT:
-- seq never goes back, even when the table empties, so "after the last seq applied" stays right.
-- op: 1 = (re)index the article, 2 = remove it from the index, 3 = only its read/starred state changed.
CREATE TABLE index_queue (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL,
  op         INTEGER NOT NULL
);
