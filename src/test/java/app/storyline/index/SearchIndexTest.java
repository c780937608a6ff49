package app.storyline.index;

import static app.storyline.Items.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.model.Feed;
import app.storyline.model.ParsedItem;
import app.storyline.store.ArticleStore;
import app.storyline.store.Database;
import app.storyline.store.FeedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
    private static final Instant JUNE = Instant.parse("2025-06-10T09:00:00Z");
    @TempDir Path dir;
    Database db;
    ArticleStore articles;
    SearchIndex index;
    Search search;
    Map<String, Long> ids;

    @BeforeEach
    void seed() {
        db = Database.open(dir.resolve("s.db"));
        articles = new ArticleStore(db);
        FeedStore feeds = new FeedStore(db);
        Feed bbc = feeds.add("https://bbc.example/rss", "BBC News", null);
        Feed tech = feeds.add("https://tech.example/rss", "Tech Daily", null);
        List<Long> a = articles.save(bbc.id(), List.of(
                item("nhs", "Hackers breach NHS hospitals", "Chinese state hackers breached two NHS hospitals through Ivanti software.", JUNE, "Jane Smith", List.of("Security")),
                item("election", "Elections in France", "<p>Voters in France go to the polls &amp; the café is full.</p>", JUNE.minusSeconds(86400 * 30), "Paul Martin", List.of("Politics"))), JUNE).added();
        List<Long> b = articles.save(tech.id(), List.of(
                item("ivanti", "Ivanti patches a flaw", "The Ivanti flaw was used against hospitals and banks.", JUNE.plusSeconds(3600), "Jane Smith", List.of("Security", "Patches")),
                item("phones", "New phones announced", "A new phone with a better camera.", JUNE.minusSeconds(86400 * 400), null, List.of())), JUNE).added();
        ids = Map.of("nhs", a.get(0), "election", a.get(1), "ivanti", b.get(0), "phones", b.get(1));
        index = SearchIndex.open(dir.resolve("index"), db);
        search = new Search(index, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    private List<Long> find(String q) {
        return search.search(q, 10, Search.Order.RELEVANCE).hits().stream().map(Search.Hit::articleId).toList();
    }

    private List<Long> ids(String... names) {
        return Stream.of(names).map(ids::get).toList();
    }

    @Test
    void allWordsMustMatchAndTitleMatchesRankFirst() {
        assertEquals(ids("nhs"), find("ivanti hospitals nhs"));
        assertEquals(ids("ivanti", "nhs"), find("ivanti"), "the title match ranks above the body match");
    }

    @Test
    void phrasesBooleansAndParentheses() {
        assertEquals(ids("nhs"), find("\"two NHS hospitals\""));
        assertEquals(List.of(), find("\"hospitals two\""));
        assertEquals(2, find("france OR phones").size());
        assertEquals(ids("ivanti"), find("ivanti -nhs"));
        assertEquals(ids("ivanti"), find("ivanti NOT nhs"));
        assertEquals(2, find("(france OR camera) AND NOT ivanti").size());
        assertEquals(2, find("-ivanti").size(), "a lone exclusion means everything else");
    }

    @Test
    void fieldsAuthorFeedTagAndTitle() {
        assertEquals(ids("ivanti", "nhs").size(), find("author:smith").size());
        assertEquals(2, find("feed:tech").size());
        assertEquals(2, find("tag:security").size());
        assertEquals(ids("ivanti"), find("tag:patches"));
        assertEquals(ids("ivanti"), find("title:flaw"));
        assertEquals(List.of(), find("title:hospitals title:ivanti"));
    }

    @Test
    void datesBoundTheResults() {
        assertEquals(ids("phones"), find("before:2025-01-01"));
        assertEquals(2, find("after:2025-06-10").size());
        assertEquals(ids("election"), find("after:2025-05-01 before:2025-06-10"));
    }

    @Test
    void readAndStarredStateIsSearchableOnceDrained() {
        assertEquals(4, find("is:unread").size());
        articles.setRead(List.of(ids.get("nhs")), true);
        articles.setStarred(List.of(ids.get("phones")), true);
        index.drain();
        assertEquals(3, find("is:unread").size());
        assertEquals(ids("nhs"), find("is:read"));
        assertEquals(ids("phones"), find("is:starred"));
        assertEquals(ids("ivanti"), find("ivanti is:unread"));
    }

    @Test
    void stemmingAndAccentsMatchWhatPeopleType() {
        assertEquals(ids("election"), find("election"));
        assertEquals(ids("election"), find("cafe"));
        assertEquals(ids("phones"), find("phone"));
    }

    @Test
    void snippetsAreHighlightedAndEscaped() {
        Search.Hit hit = search.search("cafe", 1, Search.Order.RELEVANCE).hits().get(0);
        assertTrue(hit.snippet().contains("<b>café</b>"), hit.snippet());
        assertTrue(hit.snippet().contains("&amp;"), "text is HTML-escaped: " + hit.snippet());
        assertFalse(hit.snippet().contains("<p>"), hit.snippet());
    }

    @Test
    void sortByDateIsNewestFirst() {
        List<Long> byDate = search.search("-zzz", 10, Search.Order.DATE).hits().stream().map(Search.Hit::articleId).toList();
        assertEquals(ids("ivanti", "nhs", "election", "phones"), byDate);
    }

    @Test
    void malformedQueriesGetClearMessages() {
        assertMessage("\"open phrase", "unbalanced quote");
        assertMessage("(a OR b", "unbalanced parenthesis");
        assertMessage("a)", "unbalanced parenthesis");
        assertMessage("ivanti AND", "ends too early");
        assertMessage("after:yesterday", "after:YYYY-MM-DD");
        assertMessage("is:nice", "is:unread");
        assertMessage("*foo", "malformed query");
        assertMessage("   ", "empty query");
    }

    @Test
    void unknownFieldsAreSearchedAsWords() {
        assertEquals(List.of(), find("http://nothing.example"));
        assertEquals(ids("nhs"), find("nhs:hospitals"), "nhs:hospitals means the words nhs and hospitals");
    }

    private void assertMessage(String query, String expected) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> find(query), query);
        assertTrue(e.getMessage().contains(expected), query + " -> " + e.getMessage());
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheDatabase() throws IOException {
        index.close();
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            for (Path p : files.toList()) Files.delete(p);
        }
        index = SearchIndex.open(dir.resolve("index"), db);
        search = new Search(index, ZoneOffset.UTC);
        assertTrue(index.rebuiltOnOpen());
        assertEquals(ids("nhs"), find("ivanti nhs"));
    }

    @Test
    void aCorruptIndexIsRebuilt() throws IOException {
        index.close();
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            for (Path p : files.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        index = SearchIndex.open(dir.resolve("index"), db);
        search = new Search(index, ZoneOffset.UTC);
        assertTrue(index.rebuiltOnOpen());
        assertEquals(4, index.documentCount());
    }

    @Test
    void anIndexOfAnotherDatabaseIsRebuilt() {
        index.close();
        try (Database other = Database.open(dir.resolve("other.db"))) {
            SearchIndex foreign = SearchIndex.open(dir.resolve("index"), other);
            assertTrue(foreign.rebuiltOnOpen());
            assertEquals(0, foreign.documentCount());
            foreign.close();
        }
        index = SearchIndex.open(dir.resolve("index"), db);
        assertTrue(index.rebuiltOnOpen(), "and back again");
        assertEquals(4, index.documentCount());
    }

    @Test
    void changesQueuedBeforeACrashAreAppliedOnTheNextOpen() {
        index.close(); // like a crash: the writer never saw what follows
        Feed f = new FeedStore(db).add("https://late.example/rss", "Late", null);
        ParsedItem late = item("late", "Late breaking zebra news", "zebra", JUNE);
        articles.save(f.id(), List.of(late), JUNE);
        index = SearchIndex.open(dir.resolve("index"), db);
        search = new Search(index, ZoneOffset.UTC);
        assertFalse(index.rebuiltOnOpen());
        assertEquals(1, find("zebra").size());
    }

    @Test
    void reindexRebuildsEverything() {
        assertEquals(4, index.rebuild());
        assertEquals(4, index.documentCount());
        assertEquals(ids("nhs"), find("ivanti nhs"));
    }
}
