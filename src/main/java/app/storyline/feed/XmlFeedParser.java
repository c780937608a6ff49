package app.storyline.feed;

import app.storyline.model.Enclosure;
import app.storyline.model.ParsedFeed;
import app.storyline.model.ParsedItem;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through Rome, mapped into our records. Rome types stay here. */
final class XmlFeedParser {
    private static final Pattern EMAIL_THEN_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");
    private static final Pattern NAME_THEN_EMAIL = Pattern.compile("^(.+?)\\s*<\\S+@\\S+>$");
    private static final Pattern DECLARED = Pattern.compile("\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private XmlFeedParser() {}

    static ParsedFeed parse(byte[] body, String contentType, String baseUrl) {
        String text = XmlRepair.repair(decode(body, contentType));
        Document doc = buildDocument(text);
        if (doc.getRootElement().getName().equalsIgnoreCase("channel")) doc.setRootElement(FeedRepairs.fromCdf(doc.getRootElement().detach()));
        FeedRepairs.repair(doc.getRootElement());
        FeedNormalizer.normalize(doc.getRootElement(), baseUrl);
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        SyndFeed feed;
        try {
            feed = input.build(doc);
        } catch (com.rometools.rome.io.FeedException | IllegalArgumentException e) {
            throw new FeedException("not a valid RSS or Atom feed: " + reason(e), e);
        } catch (RuntimeException e) {
            // Rome trips over some shapes it does not expect; that is still this feed's problem, not ours.
            throw new FeedException("not a feed we can read: " + reason(e), e);
        }
        String link = Texts.httpUrl(feed.getLink(), baseUrl);
        String itemBase = baseUrl != null ? baseUrl : link;
        List<ParsedItem> items = new ArrayList<>(feed.getEntries().size());
        for (SyndEntry e : feed.getEntries()) {
            if (!isEmpty(e)) items.add(item(e, itemBase));
        }
        return new ParsedFeed(
                feed.getFeedType(),
                Texts.plain(feed.getTitle()),
                link,
                Texts.clean(feed.getDescription()),
                Texts.clean(feed.getLanguage()),
                items);
    }

    /**
     * A strict, non-validating parse with every DTD feature off: XmlRepair already removed the DOCTYPE,
     * and should one survive, the parser refuses it rather than reading or fetching anything.
     */
    private static Document buildDocument(String text) {
        try {
            return strictBuilder().build(new StringReader(text));
        } catch (JDOMException strict) {
            // Broken XML (unclosed tags, stray markup): let jsoup's forgiving XML parser rebuild the tree,
            // then read its well-formed output. Only when that fails too is the feed refused.
            try {
                org.jsoup.nodes.Document lenient = Jsoup.parse(text, "", Parser.xmlParser());
                lenient.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
                        .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml).prettyPrint(false);
                return strictBuilder().build(new StringReader(lenient.outerHtml()));
            } catch (JDOMException | IOException | RuntimeException alsoBroken) {
                throw new FeedException("not a valid RSS or Atom feed: " + reason(strict), strict);
            }
        } catch (IOException e) {
            throw new FeedException("cannot read the feed: " + reason(e), e);
        }
    }

    private static SAXBuilder strictBuilder() {
        SAXBuilder b = new SAXBuilder();
        b.setExpandEntities(false);
        b.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        b.setFeature("http://xml.org/sax/features/external-general-entities", false);
        b.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        b.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return b;
    }

    /**
     * Decoding: a byte order mark wins, then an explicit HTTP charset (RFC 3023), then the XML
     * declaration, then UTF-8. An unknown or lying declaration falls back to UTF-8 with replacement.
     */
    static String decode(byte[] body, String contentType) {
        Charset http = httpCharset(contentType);
        if (http != null && !hasBom(body)) return http.decode(ByteBuffer.wrap(body)).toString();
        if (!hasBom(body)) {
            Matcher d = DECLARED.matcher(new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1));
            Charset declared = d.lookingAt() ? Charsets.lookup(d.group(1)) : null;
            if (declared != null) return declared.decode(ByteBuffer.wrap(body)).toString();
        }
        try (Reader r = new XmlReader(new ByteArrayInputStream(body), true)) {
            StringBuilder sb = new StringBuilder(body.length);
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static boolean hasBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return true;
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE);
    }

    private static Charset httpCharset(String contentType) {
        if (contentType == null) return null;
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? Charsets.lookup(m.group(1)) : null;
    }

    /** An empty {@code <item/>}, such as the stub a truncated feed ends with: nothing to keep. */
    private static boolean isEmpty(SyndEntry e) {
        return e.getTitle() == null && e.getLink() == null && e.getUri() == null && e.getDescription() == null
                && e.getContents().isEmpty() && e.getEnclosures().isEmpty() && e.getCategories().isEmpty()
                && e.getAuthors().isEmpty() && e.getAuthor() == null && e.getForeignMarkup().isEmpty();
    }

    private static ParsedItem item(SyndEntry e, String base) {
        String guid = guid(e);
        String link = Texts.httpUrl(e.getLink(), base);
        if (link == null && e.getUri() != null) {
            // RSS <guid isPermaLink="true"> is the link when <link> is absent.
            Object wire = e.getWireEntry();
            if (wire instanceof Item item && item.getGuid() != null && item.getGuid().isPermaLink()) {
                link = Texts.httpUrl(item.getGuid().getValue(), base);
            }
        }
        String summary = e.getDescription() != null ? Texts.clean(e.getDescription().getValue()) : null;
        String content = null;
        for (SyndContent c : e.getContents()) {
            String v = Texts.clean(c.getValue());
            if (v != null) {
                content = v;
                break;
            }
        }
        Instant published = date(e, PUBLISHED);
        Instant updated = date(e, UPDATED);
        if (published == null) published = updated;
        return new ParsedItem(guid, link, Texts.plain(e.getTitle()), author(e), summary, content,
                published, updated, categories(e), enclosures(e, base));
    }

    private static String guid(SyndEntry e) {
        Object wire = e.getWireEntry();
        if (wire instanceof Item item) {
            Guid g = item.getGuid();
            if (g != null && Texts.clean(g.getValue()) != null) return Texts.clean(g.getValue());
            return Texts.clean(item.getUri()); // RSS 1.0: rdf:about identifies the item
        }
        if (wire instanceof Entry entry) return Texts.clean(entry.getId());
        return Texts.clean(e.getUri());
    }

    private static String author(SyndEntry e) {
        String a = personName(Texts.plain(e.getAuthor()));
        if (a != null) return a;
        for (SyndPerson p : e.getAuthors()) {
            String name = Texts.plain(p.getName());
            if (name == null) name = Texts.clean(p.getEmail());
            if (name != null) return name;
        }
        return null;
    }

    /** RSS writes authors as "email (Name)" or "Name <email>"; readers show the name. */
    static String personName(String s) {
        if (s == null) return null;
        Matcher m = EMAIL_THEN_NAME.matcher(s);
        if (m.matches()) return m.group(1).strip();
        m = NAME_THEN_EMAIL.matcher(s);
        if (m.matches()) return m.group(1).strip();
        return s;
    }

    private static List<String> categories(SyndEntry e) {
        Set<String> out = new LinkedHashSet<>();
        for (SyndCategory c : e.getCategories()) {
            String name = Texts.plain(c.getName());
            if (name != null) out.add(name);
        }
        return List.copyOf(out);
    }

    private static List<Enclosure> enclosures(SyndEntry e, String base) {
        List<Enclosure> out = new ArrayList<>();
        for (SyndEnclosure en : e.getEnclosures()) {
            String url = Texts.httpUrl(en.getUrl(), base);
            if (url != null) out.add(new Enclosure(url, Texts.clean(en.getType()), en.getLength() > 0 ? en.getLength() : -1));
        }
        return out;
    }

    /** Date kinds by preference; FeedNormalizer left them as foreign markup in our namespace. */
    private static final List<String> PUBLISHED = List.of("published", "pubdate", "issued", "date", "created");
    private static final List<String> UPDATED = List.of("updated", "modified");

    private static Instant date(SyndEntry e, List<String> kinds) {
        Instant best = null;
        int rank = Integer.MAX_VALUE;
        for (org.jdom2.Element m : e.getForeignMarkup()) {
            if (!m.getNamespace().equals(FeedNormalizer.OURS)) continue;
            int r = kinds.indexOf(m.getAttributeValue("kind"));
            if (r >= 0 && r < rank) {
                try {
                    best = Instant.ofEpochMilli(Long.parseLong(m.getText()));
                    rank = r;
                } catch (NumberFormatException ignored) {
                    // our own element: cannot happen
                }
            }
        }
        return best;
    }

    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        if (m == null || m.isBlank()) m = t.getClass().getSimpleName();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
