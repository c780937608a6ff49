package app.storyline.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Repairs a parsed feed document before Rome maps it, where Rome is weaker than feeds are broken:
 * <ol>
 *   <li>relative URLs (link elements, href/src/url attributes, and links inside escaped HTML content)
 *       are resolved against the xml:base in scope, else the document's URL (Rome ignores nested xml:base);</li>
 *   <li>dates are parsed here with {@link Dates} (which knows the broken formats) and handed to the
 *       mapping as {@code <sl:date kind="pubdate">epoch-ms</sl:date>} elements of our own namespace; the
 *       original date elements are removed, so Rome never parses a date (its parser builds a
 *       SimpleDateFormat per attempt, a fifth of all parsing time).</li>
 * </ol>
 */
final class FeedNormalizer {
    private static final Set<String> URL_TEXT = Set.of("link", "comments", "docs", "url", "icon", "logo", "uri");
    private static final Set<String> URL_ATTRS = Set.of("href", "src", "url");
    private static final Set<String> DATE_ELEMENTS = Set.of("pubdate", "lastbuilddate", "date", "published", "updated",
            "issued", "modified", "created");
    private static final Set<String> HTML_TEXT = Set.of("description", "summary", "content", "encoded", "body", "info", "tagline", "subtitle");
    /** href= or src= followed by something that is not absolute (no scheme, not //host, not #fragment). */
    private static final Pattern RELATIVE_IN_HTML =
            Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*[\"']?\\s*(?![a-z][a-z0-9+.-]*:|//|#|[\"'])");

    static final Namespace OURS = Namespace.getNamespace("sl", "urn:storyline:parsed");

    private FeedNormalizer() {}

    static void normalize(Element root, String documentUrl) {
        walk(root, documentUrl, 0);
    }

    private static void walk(Element e, String inheritedBase, int depth) {
        if (depth > 200) return; // absurd nesting: leave the rest as it is
        String base = inheritedBase;
        String xmlBase = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
        if (xmlBase != null) base = resolve(base, xmlBase.strip());
        for (Attribute a : e.getAttributes()) {
            if (a.getNamespace() == Namespace.NO_NAMESPACE && URL_ATTRS.contains(a.getName().toLowerCase(Locale.ROOT))) {
                a.setValue(resolve(base, a.getValue().strip()));
            }
        }
        String name = e.getName().toLowerCase(Locale.ROOT);
        if (e.getChildren().isEmpty()) {
            String text = e.getText();
            if (URL_TEXT.contains(name) && !text.isBlank() && isUrlish(text)) {
                e.setText(resolve(base, text.strip()));
            } else if (HTML_TEXT.contains(name) && base != null && text.indexOf('=') >= 0 && RELATIVE_IN_HTML.matcher(text).find()) {
                e.setText(absolutizeHtml(text, base));
            }
            return;
        }
        List<Element> dates = null;
        for (Content c : e.getContent()) {
            if (!(c instanceof Element child)) continue;
            if (DATE_ELEMENTS.contains(child.getName().toLowerCase(Locale.ROOT)) && child.getChildren().isEmpty()) {
                if (dates == null) dates = new ArrayList<>();
                dates.add(child);
            } else {
                walk(child, base, depth + 1);
            }
        }
        if (dates != null) {
            for (Element d : dates) {
                Instant t = Dates.parse(d.getText());
                e.removeContent(d);
                if (t != null) {
                    e.addContent(new Element("date", OURS).setAttribute("kind", d.getName().toLowerCase(Locale.ROOT))
                            .setText(Long.toString(t.toEpochMilli())));
                }
            }
        }
    }

    private static boolean isUrlish(String text) {
        return text.length() < 4096 && text.strip().indexOf(' ') < 0;
    }

    static String resolve(String base, String href) {
        if (base == null || href.isEmpty() || href.startsWith("http://") || href.startsWith("https://")) return href;
        try {
            URI h = new URI(href.replace(" ", "%20"));
            if (h.isAbsolute()) return href;
            URI b = new URI(base.replace(" ", "%20"));
            if (!b.isAbsolute()) return href;
            if (b.getPath() == null || b.getPath().isEmpty()) b = b.resolve("/");
            return b.resolve(h).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return href;
        }
    }

    private static String absolutizeHtml(String html, String base) {
        Document doc = Jsoup.parseBodyFragment(html, base);
        doc.outputSettings().prettyPrint(false);
        for (var el : doc.select("[href],[src],[poster]")) {
            for (String attr : new String[] {"href", "src", "poster"}) {
                if (el.hasAttr(attr)) {
                    String v = el.attr(attr).strip();
                    if (!v.startsWith("#")) el.attr(attr, resolve(base, v));
                }
            }
        }
        return doc.body().html();
    }
}
