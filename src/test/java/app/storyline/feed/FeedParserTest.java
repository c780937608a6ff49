package app.storyline.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.Fixtures;
import app.storyline.model.Enclosure;
import app.storyline.model.ParsedFeed;
import app.storyline.model.ParsedItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private static ParsedFeed parse(String name, String base) {
        return FeedParser.parse(Fixtures.bytes("feeds/" + name), null, base);
    }

    @Test
    void rss2ItemsMapToOurRecords() {
        ParsedFeed f = parse("rss2-basic.xml", "https://news.example.com/rss");
        assertEquals("rss_2.0", f.format());
        assertEquals("Example News", f.title());
        assertEquals("https://news.example.com/", f.link());
        assertEquals("en-gb", f.language());
        assertEquals(2, f.items().size());
        ParsedItem first = f.items().get(0);
        assertEquals("nhs-ivanti-1", first.guid());
        assertEquals("https://news.example.com/nhs-ivanti", first.link());
        assertEquals("Hackers breach two NHS hospitals through Ivanti flaw", first.title());
        assertEquals("Jane Reporter", first.author());
        assertEquals(List.of("Security", "Health"), first.categories());
        assertEquals(Instant.parse("2025-06-10T09:30:00Z"), first.published());
        assertEquals("Chinese state hackers breached <b>two</b> hospitals.", first.summary());
        assertTrue(first.content().contains("EclecticIQ"), "content:encoded is the full content");
        assertEquals(Instant.parse("2025-06-10T07:00:00Z"), f.items().get(1).published());
    }

    @Test
    void undeclaredHtmlEntitiesDoNotFailTheFeed() {
        ParsedFeed f = parse("rss-html-entities-undeclared.xml", null);
        assertEquals("It\u2019s news & more", f.title());
        ParsedItem i = f.items().get(0);
        assertEquals("Caf\u00e9 \u2014 open \u2026", i.title());
        assertEquals("AT&T \u00a9 2025 &unknownentity; done", i.summary());
        assertEquals("http://example.com/a?x=1&y=2", i.link());
    }

    @Test
    void relativeLinksResolveAgainstXmlBaseAndFeedUrl() {
        ParsedFeed f = parse("atom-xml-base-relative-links.xml", "http://example.org/feed.atom");
        assertEquals("atom_1.0", f.format());
        assertEquals("Blog <b>bold</b>", f.title(), "an html title is shown as text");
        ParsedItem e = f.items().get(0);
        assertEquals("urn:uuid:1225c695", e.guid());
        assertEquals("http://example.org/blog/posts/2025/first.html", e.link());
        assertEquals(List.of(new Enclosure("http://example.org/audio/ep1.mp3", "audio/mpeg", 1337)), e.enclosures());
        assertEquals("Ann Author", e.author());
        assertEquals(Instant.parse("2025-06-09T08:00:00Z"), e.published());
        assertEquals("Short summary", e.summary());
        assertEquals("<p>Full <em>content</em></p>", e.content());
        assertEquals(List.of("tech"), e.categories());
    }

    @Test
    void podcastEnclosureKeepsTypeAndLength() {
        ParsedItem i = parse("podcast-enclosure.xml", null).items().get(0);
        assertEquals(List.of(new Enclosure("http://pod.example.com/ep1.mp3", "audio/mpeg", 12345678)), i.enclosures());
    }

    @Test
    void jsonFeedParsesItemsAuthorsAndAttachments() {
        ParsedFeed f = parse("json-feed-1.1.json", null);
        assertEquals("json_1.1", f.format());
        assertEquals("JSON Example", f.title());
        assertEquals("en", f.language());
        ParsedItem second = f.items().get(0);
        assertEquals("2", second.guid());
        assertEquals(Instant.parse("2025-06-10T18:00:00Z"), second.published());
        assertEquals(List.of("news", "json"), second.categories());
        assertEquals("Feed Author", second.author(), "the feed's author applies to items without one");
        assertEquals(99, second.enclosures().get(0).length());
        ParsedItem first = f.items().get(1);
        assertEquals("1", first.guid(), "numeric ids are read as strings");
        assertEquals("https://json.example.org/first", first.link(), "relative to feed_url");
        assertEquals("Plain &lt;text&gt; &amp; more", first.content(), "content_text is escaped, never run as HTML");
        assertEquals("Item Author", first.author());
        assertEquals(Instant.parse("2025-06-09T10:00:00Z"), first.published(), "date_modified when unpublished");
    }

    @Test
    void doctypeEntitiesAreNeverExpanded() {
        ParsedFeed f = parse("rss-doctype-entity-bomb.xml", null);
        assertFalse(f.title().contains("lollol"), f.title());
        assertFalse(f.title().contains("root:"), "no file is read");
        assertEquals("Bomb &lol3; &xxe;", f.title());
        assertEquals("Still readable", f.items().get(0).title());
    }

    @Test
    void netscapeDoctypeFeedStillParsesWithHtmlEntities() {
        ParsedFeed f = parse("rss-netscape-doctype.xml", null);
        assertEquals("rss_0.91U", f.format());
        assertEquals("Caf\u00e9 na\u00efve", f.items().get(0).title());
    }

    @Test
    void declaredWindows1252IsDecoded() {
        assertEquals("Smart \u201cquotes\u201d \u2013 dash", parse("rss-windows-1252.xml", null).title());
    }

    @Test
    void httpCharsetOverridesTheXmlDeclaration() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>caf\u00e9</title></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed f = FeedParser.parse(latin1, "application/xml; charset=iso-8859-1", null);
        assertEquals("caf\u00e9", f.title());
    }

    @Test
    void byteOrderMarkAndLeadingWhitespaceAreSkipped() {
        assertEquals("BOM and whitespace", parse("rss-bom-leading-whitespace.xml", null).title());
    }

    @Test
    void commonBrokenDateFormatsParse() {
        List<ParsedItem> items = parse("rss-broken-dates.xml", null).items();
        Instant expected = Instant.parse("2025-06-10T09:30:00Z");
        for (int i = 0; i < 5; i++) assertEquals(expected, items.get(i).published(), "item " + items.get(i).guid());
        assertNull(items.get(5).published(), "an unreadable date is no date, not a failure");
    }

    @Test
    void rdfRss1Parses() {
        ParsedFeed f = parse("rdf-rss1.xml", null);
        assertEquals("rss_1.0", f.format());
        assertEquals("RDF item", f.items().get(0).title());
        assertEquals(Instant.parse("2025-06-10T09:30:00Z"), f.items().get(0).published());
    }

    @Test
    void htmlPageIsNotAFeed() {
        assertThrows(NotAFeedException.class, () -> parse("html-page-with-feeds.html", "https://site.example.com/"));
    }

    @Test
    void truncatedFeedYieldsWhatItHas() {
        ParsedFeed f = FeedParser.parse("<rss><channel><title>unclosed</title><item><title>One</title></item><item><title>Tw"
                .getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("unclosed", f.title());
        assertEquals("One", f.items().get(0).title());
    }

    @Test
    void garbageGetsAReadableError() {
        FeedException e = assertThrows(FeedException.class,
                () -> FeedParser.parse("<notafeed><x/></notafeed>".getBytes(StandardCharsets.UTF_8), null, null));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().startsWith("not a valid RSS or Atom feed"), e.getMessage());
        assertThrows(FeedException.class, () -> FeedParser.parse(new byte[0], null, null));
        assertThrows(FeedException.class, () -> FeedParser.parse("hello".getBytes(StandardCharsets.UTF_8), null, null));
        assertThrows(FeedException.class, () -> FeedParser.parse("{\"version\":1}".getBytes(StandardCharsets.UTF_8), null, null));
    }

    @Test
    void nonHttpLinksAreDropped() {
        String xml = "<rss version=\"2.0\"><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>";
        assertNull(FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null).items().get(0).link());
    }
}
