package app.storyline.store;

import static app.storyline.Items.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.model.Article;
import app.storyline.model.Feed;
import app.storyline.model.ParsedItem;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleStoreTest {
    private static final Instant T = Instant.parse("2025-06-10T09:00:00Z");
    @TempDir Path dir;
    Database db;
    ArticleStore articles;
    Feed feed;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("test.db"));
        articles = new ArticleStore(db);
        feed = new FeedStore(db).add("https://example.com/feed", "Example", null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void savingTheSameItemsTwiceStoresThemOnce() {
        List<ParsedItem> items = List.of(item("a", "A", "text a", T), item("b", "B", "text b", T));
        ArticleStore.SaveResult first = articles.save(feed.id(), items, T);
        ArticleStore.SaveResult second = articles.save(feed.id(), items, T.plusSeconds(60));
        assertEquals(2, first.added().size());
        assertEquals(0, second.added().size());
        assertEquals(2, second.unchanged());
        assertEquals(2, articles.count());
    }

    @Test
    void rssWithoutGuidGetsStableId() {
        ParsedItem noGuid = new ParsedItem(null, "https://example.com/x", "X", null, "t", null, null, null, List.of(), List.of());
        ParsedItem titleOnly = new ParsedItem(null, null, "Only a title", null, null, null, T, null, List.of(), List.of());
        long id1 = articles.save(feed.id(), List.of(noGuid, titleOnly), T).added().get(0);
        ArticleStore.SaveResult again = articles.save(feed.id(), List.of(noGuid, titleOnly), T.plusSeconds(3600));
        assertEquals(2, again.unchanged());
        assertEquals(id1, ArticleIds.id(feed.id(), "l:https://example.com/x"));
        assertTrue(id1 > 0 && id1 <= ArticleIds.MASK, "fits in 53 bits for JSON");
    }

    @Test
    void sameGuidInAnotherFeedIsAnotherArticle() {
        Feed other = new FeedStore(db).add("https://other.example.com/feed", "Other", null);
        long a = articles.save(feed.id(), List.of(item("g", "A", "t", T)), T).added().get(0);
        long b = articles.save(other.id(), List.of(item("g", "A", "t", T)), T).added().get(0);
        assertNotEquals(a, b);
    }

    @Test
    void changedItemIsUpdatedInPlaceAndItsPreviousVersionKept() {
        long id = articles.save(feed.id(), List.of(item("a", "Old title", "old text", T)), T).added().get(0);
        ArticleStore.SaveResult r = articles.save(feed.id(), List.of(item("a", "New title", "new text", T)), T.plusSeconds(60));
        assertEquals(List.of(id), r.updated());
        Article a = articles.get(id).orElseThrow();
        assertEquals("New title", a.title());
        assertTrue(a.updated());
        assertEquals(1, articles.count());
        String old = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT title || '|' || summary FROM article_version WHERE article_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        assertEquals("Old title|old text", old);
    }

    @Test
    void everyChangeIsQueuedForTheIndexInTheSameTransaction() {
        IndexQueue queue = new IndexQueue(db);
        articles.save(feed.id(), List.of(item("a", "A", "t", T), item("b", "B", "t", T)), T);
        assertEquals(2, queue.size());
        assertThrows(StoreException.class, () -> db.write(c -> {
            ArticleStore.save(c, feed.id(), List.of(item("c", "C", "t", T)), T);
            throw new java.sql.SQLException("disk full");
        }));
        assertEquals(2, articles.count(), "the failed transaction left no article");
        assertEquals(2, queue.size(), "and no queue row");
    }

    @Test
    void undatedItemsKeepTheFeedsOrderAndFutureDatesSortByArrival() {
        Instant future = T.plus(Duration.ofDays(365));
        articles.save(feed.id(), List.of(item("first", "First", "t", null), item("second", "Second", "t", null),
                item("future", "Future", "t", future), item("old", "Old", "t", T.minusSeconds(3600))), T);
        List<Article> list = articles.list(new ArticleStore.Query(null, false, false, 0));
        assertEquals(List.of("First", "Second", "Future", "Old"), list.stream().map(Article::title).toList());
    }

    @Test
    void readAndStarredChangesAreQueuedAsStateOnly() {
        long id = articles.save(feed.id(), List.of(item("a", "A", "t", T)), T).added().get(0);
        IndexQueue queue = new IndexQueue(db);
        queue.removeThrough(Long.MAX_VALUE);
        articles.setRead(List.of(id), true);
        articles.setRead(List.of(id), true); // no change, no queue row
        articles.setStarred(List.of(id), true);
        List<IndexQueue.Entry> q = queue.peek(0, 10);
        assertEquals(2, q.size());
        assertTrue(q.stream().allMatch(e -> e.op() == IndexQueue.STATE));
        Article a = articles.get(id).orElseThrow();
        assertTrue(a.read() && a.starred());
        assertEquals(0, articles.list(new ArticleStore.Query(null, true, false, 0)).size());
    }

    @Test
    void articlesAreFoundByIdGuidOrLink() {
        long id = articles.save(feed.id(), List.of(item("guid-1", "A", "t", T)), T).added().get(0);
        assertEquals(id, articles.find(Long.toString(id)).orElseThrow().id());
        assertEquals(id, articles.find("guid-1").orElseThrow().id());
        assertEquals(id, articles.find("https://example.com/guid-1").orElseThrow().id());
        assertFalse(articles.find("nope").isPresent());
    }

    @Test
    void unsubscribingRemovesArticlesAndQueuesTheirRemovalFromTheIndex() {
        articles.save(feed.id(), List.of(item("a", "A", "t", T)), T);
        IndexQueue queue = new IndexQueue(db);
        queue.removeThrough(Long.MAX_VALUE);
        new FeedStore(db).delete(feed.id());
        assertEquals(0, articles.count());
        assertEquals(IndexQueue.DELETE, queue.peek(0, 10).get(0).op());
    }
}
