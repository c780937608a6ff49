-- 004: newest-first lists stop after a screenful. Ordered by (sort_time, id), the list's first rows
-- come straight from the index instead of sorting every article (3 ms instead of 115 ms at 100k).
CREATE INDEX article_time_id ON article(sort_time, id);
DROP INDEX article_time;
-- The sources pane counts each feed's articles and unread ones; this index answers without the table.
CREATE INDEX article_feed_read ON article(feed_id, read);
