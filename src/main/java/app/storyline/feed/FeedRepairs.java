package app.storyline.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Structural repairs to a feed document before Rome reads it, each for a kind of feed seen in the wild:
 * <ol>
 *   <li>a {@code <feed>} in an unknown namespace is read as Atom, an {@code <rss>} without a channel gets one;</li>
 *   <li>Atom XHTML content loses its wrapping div and becomes HTML text (Rome keeps the div);</li>
 *   <li>base64 content (Atom 0.3 mode="base64", Atom 1.0 non-text types) is decoded (Rome fails on it);</li>
 *   <li>RSS items without the core element borrow it from Dublin Core, iTunes or Media RSS: a title,
 *       a description, the content (a {@code <body>} or {@code <fullitem>}), an author.</li>
 * </ol>
 */
final class FeedRepairs {
    static final Namespace ATOM10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace ATOM03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    private static final Namespace CONTENT = Namespace.getNamespace("content", "http://purl.org/rss/1.0/modules/content/");
    private static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");
    private static final Set<String> TEXT_CONSTRUCTS = Set.of("title", "subtitle", "summary", "content", "rights", "tagline", "info", "copyright");
    private static final XMLOutputter RAW = new XMLOutputter(Format.getRawFormat());

    private FeedRepairs() {}

    private static final Map<String, String> RSS_NAMES = new java.util.HashMap<>();

    static {
        for (String n : List.of("channel", "item", "title", "link", "description", "guid", "author", "category", "comments",
                "enclosure", "source", "pubDate", "language", "copyright", "lastBuildDate", "managingEditor", "webMaster", "ttl", "image")) {
            RSS_NAMES.put(n.toLowerCase(Locale.ROOT), n);
        }
    }

    /** RSS element names written in the wrong case (<TiTlE>): RSS has no namespace to tell, so they are its own. */
    private static void canonicalCase(Element e, Namespace ns) {
        for (Element c : e.getChildren()) {
            if (!c.getNamespace().equals(ns)) continue;
            String canonical = RSS_NAMES.get(c.getName().toLowerCase(Locale.ROOT));
            if (canonical != null && !canonical.equals(c.getName()) && e.getChild(canonical, ns) == null) c.setName(canonical);
            canonicalCase(c, ns);
        }
    }

    /**
     * Microsoft's Channel Definition Format (1997), still found on old intranets: a CHANNEL with HREF,
     * TITLE, ABSTRACT and ITEMs with HREF and LASTMOD. Rewritten as the RSS 2.0 it amounts to.
     */
    static Element fromCdf(Element cdf) {
        Element rss = new Element("rss").setAttribute("version", "2.0");
        Element channel = new Element("channel");
        rss.addContent(channel);
        cdfFields(cdf, channel);
        for (Element item : cdf.getChildren()) {
            if (!item.getName().equalsIgnoreCase("item")) continue;
            Element out = new Element("item");
            cdfFields(item, out);
            String lastmod = attributeIgnoringCase(item, "lastmod");
            if (lastmod != null) out.addContent(new Element("date", DC).setText(lastmod));
            channel.addContent(out);
        }
        return rss;
    }

    private static void cdfFields(Element from, Element to) {
        String href = attributeIgnoringCase(from, "href");
        if (href != null) to.addContent(new Element("link").setText(href));
        for (Element c : from.getChildren()) {
            String n = c.getName().toLowerCase(Locale.ROOT);
            if (n.equals("title")) to.addContent(new Element("title").setText(c.getTextTrim()));
            else if (n.equals("abstract")) to.addContent(new Element("description").setText(c.getTextTrim()));
        }
    }

    private static String attributeIgnoringCase(Element e, String name) {
        for (org.jdom2.Attribute a : e.getAttributes()) if (a.getName().equalsIgnoreCase(name)) return a.getValue();
        return null;
    }

    static void repair(Element root) {
        String name = root.getName().toLowerCase(Locale.ROOT);
        if (name.equals("feed") && root.getNamespace() != ATOM10 && !root.getNamespace().equals(ATOM03)
                && !root.getNamespace().equals(ATOM10)) {
            Namespace target = "0.3".equals(root.getAttributeValue("version")) ? ATOM03 : ATOM10;
            retarget(root, root.getNamespace(), target);
        }
        if (name.equals("rss") && root.getChild("channel", root.getNamespace()) == null) {
            // <rss> with its items directly inside: give them the channel Rome needs.
            Element channel = new Element("channel", root.getNamespace());
            for (Element child : new ArrayList<>(root.getChildren())) channel.addContent(child.detach());
            root.addContent(channel);
        }
        textConstructs(root, 0);
        if (name.equals("feed")) atomEntries(root);
        if (name.equals("rss")) canonicalCase(root, root.getNamespace());
        if (name.equals("rss") || name.equals("rdf")) {
            for (Element item : items(root)) rssFallbacks(item);
            Element channel = root.getChild("channel", root.getNamespace());
            if (channel == null) channel = findChild(root, "channel");
            if (channel != null) borrow(channel, "title", List.of("title"), DC);
        }
    }

    private static void retarget(Element e, Namespace from, Namespace to) {
        if (e.getNamespace().equals(from)) e.setNamespace(to);
        for (Element c : e.getChildren()) retarget(c, from, to);
    }

    private static void textConstructs(Element e, int depth) {
        if (depth > 100) return;
        boolean atom10 = e.getNamespace().equals(ATOM10);
        boolean atom03 = e.getNamespace().equals(ATOM03);
        if ((atom10 || atom03) && TEXT_CONSTRUCTS.contains(e.getName())) {
            if (atom03) atom03Text(e);
            else atom10Text(e);
            return;
        }
        for (Element c : new ArrayList<>(e.getChildren())) textConstructs(c, depth + 1);
    }

    private static void atom10Text(Element e) {
        String type = e.getAttributeValue("type", "text").strip().toLowerCase(Locale.ROOT);
        if (type.equals("xhtml")) {
            Element div = e.getChildren().size() == 1 ? e.getChildren().get(0) : null;
            List<Content> inner = div != null && div.getName().equals("div") ? div.getContent() : e.getContent();
            setHtml(e, serialize(inner));
            e.setAttribute("type", "html");
        } else if (!type.equals("text") && !type.equals("html") && !type.startsWith("text/") && !type.endsWith("xml")
                && e.getAttribute("src") == null) {
            String decoded = base64(e.getTextTrim());
            if (decoded != null) {
                e.setText(decoded);
                e.setAttribute("type", "html");
            }
        }
    }

    private static void atom03Text(Element e) {
        String mode = e.getAttributeValue("mode", "xml").strip().toLowerCase(Locale.ROOT);
        if (mode.equals("base64")) {
            String decoded = base64(e.getTextTrim());
            if (decoded != null) {
                e.setText(decoded);
                e.setAttribute("mode", "escaped");
            }
        } else if (mode.equals("xml") && !e.getChildren().isEmpty()) {
            Element div = e.getChildren().size() == 1 && e.getChildren().get(0).getName().equals("div") ? e.getChildren().get(0) : null;
            setHtml(e, serialize(div != null ? div.getContent() : e.getContent()));
            e.setAttribute("mode", "escaped");
            e.setAttribute("type", "text/html");
        }
    }

    private static void setHtml(Element e, String html) {
        e.removeContent();
        e.setText(html);
    }

    private static String serialize(List<Content> content) {
        String s = RAW.outputString(new ArrayList<>(content));
        // Children keep their XHTML namespace declarations when written alone; HTML has no use for them.
        return s.replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
    }

    /** Decoded text, or null when it is not base64 of UTF-8 text. */
    private static String base64(String text) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(text);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    private static List<Element> items(Element root) {
        List<Element> out = new ArrayList<>();
        for (Element c : root.getChildren()) {
            if (c.getName().equals("item")) out.add(c);
            if (c.getName().equals("channel")) for (Element i : c.getChildren()) if (i.getName().equals("item")) out.add(i);
        }
        return out;
    }

    private static Element findChild(Element e, String local) {
        for (Element c : e.getChildren()) if (c.getName().equals(local)) return c;
        return null;
    }

    /** Atom links written with the address as text (no href), and repeated dates: the last one is the latest word. */
    private static void atomEntries(Element feed) {
        Namespace ns = feed.getNamespace();
        for (Element entry : feed.getChildren("entry", ns)) {
            for (Element link : entry.getChildren("link", ns)) {
                if (link.getAttribute("href") == null && !link.getTextTrim().isEmpty()) link.setAttribute("href", link.getTextTrim());
            }
            for (String date : List.of("updated", "modified")) {
                List<Element> all = new ArrayList<>(entry.getChildren(date, ns));
                for (int i = 0; i < all.size() - 1; i++) all.get(i).detach();
            }
        }
    }

    private static void rssFallbacks(Element item) {
        Namespace ns = item.getNamespace();
        Element description = item.getChild("description", ns);
        Element summary = item.getChild("summary", ns);
        if (description != null && summary != null && item.getChild("encoded", CONTENT) == null) {
            // Both a description and a (non-standard) summary: the first is the summary, the second the full text.
            boolean descriptionFirst = item.indexOf(description) < item.indexOf(summary);
            Element full = descriptionFirst ? summary : description;
            Element brief = descriptionFirst ? description : summary;
            item.addContent(new Element("encoded", CONTENT).setText(full.getText()));
            description.setText(brief.getText());
            summary.detach();
        }
        borrow(item, "title", List.of("title"), null);
        if (!has(item, "description", ns)) {
            String text = firstText(item, List.of("description", "summary", "subtitle"), true);
            if (text != null) item.addContent(new Element("description", ns).setText(text));
        }
        if (item.getChild("encoded", CONTENT) == null) {
            Element body = findChild(item, "body");
            String html = body != null && !body.getChildren().isEmpty() ? serialize(body.getContent())
                    : body != null ? body.getText() : text(findChild(item, "fullitem"));
            if (html != null && !html.isBlank()) item.addContent(new Element("encoded", CONTENT).setText(html));
        }
        if (item.getChild("category", ns) == null) {
            for (Element subject : new ArrayList<>(item.getChildren("subject", DC))) {
                if (!subject.getTextTrim().isEmpty()) item.addContent(new Element("category", ns).setText(subject.getTextTrim()));
            }
        }
        if (item.getChild("category", ns) == null) {
            // Podcast and media feeds tag items in their own vocabularies: iTunes (nested, in a text
            // attribute) and Media RSS (in the element's text).
            List<String> terms = new ArrayList<>();
            for (Element c : item.getChildren()) foreignCategories(c, terms);
            for (String t : terms) item.addContent(new Element("category", ns).setText(t));
        }
        if (!has(item, "author", ns) && item.getChild("creator", DC) == null) {
            String author = firstText(item, List.of("author"), false);
            if (author != null) item.addContent(new Element("creator", DC).setText(author));
        }
    }

    private static void foreignCategories(Element e, List<String> out) {
        if (!e.getName().equals("category")) return;
        String uri = e.getNamespaceURI().toLowerCase(java.util.Locale.ROOT);
        if (uri.contains("itunes.com")) {
            String text = e.getAttributeValue("text");
            if (text != null && !text.isBlank()) out.add(text.strip());
            for (Element nested : e.getChildren()) foreignCategories(nested, out);
        } else if (uri.contains("search.yahoo.com/mrss") && !e.getTextTrim().isEmpty()) {
            out.add(e.getTextTrim());
        }
    }

    /** Adds a core element borrowed from another namespace's element of the same name, when missing. */
    private static void borrow(Element parent, String core, List<String> names, Namespace preferred) {
        if (has(parent, core, parent.getNamespace())) return;
        String text = null;
        if (preferred != null) {
            Element p = parent.getChild(core, preferred);
            text = p == null ? null : p.getTextTrim();
        }
        if (text == null || text.isEmpty()) text = firstText(parent, names, true);
        if (text != null && !text.isEmpty()) parent.addContent(new Element(core, parent.getNamespace()).setText(text));
    }

    private static boolean has(Element parent, String name, Namespace ns) {
        Element e = parent.getChild(name, ns);
        return e != null && !e.getTextTrim().isEmpty();
    }

    /** The first non-empty element with one of these local names in another namespace, searching media groups too. */
    private static String firstText(Element parent, List<String> names, boolean deep) {
        for (String n : names) {
            for (Element c : parent.getChildren()) {
                if (c.getName().equals(n) && !c.getNamespace().equals(parent.getNamespace()) && !c.getTextTrim().isEmpty()) return c.getTextTrim();
            }
        }
        if (deep) {
            for (Element c : parent.getChildren()) {
                if (c.getName().equals("group") || c.getName().equals("content") && !c.getChildren().isEmpty()) {
                    String t = firstText(c, names, false);
                    if (t != null) return t;
                }
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getText();
    }
}
