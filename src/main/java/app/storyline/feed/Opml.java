package app.storyline.feed;

import app.storyline.model.OpmlFeed;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.XMLOutputFactory;

/**
 * OPML 1.0/2.0 subscription lists. Reading is lenient and reports what it skips: nested outlines
 * without {@code xmlUrl} become folders, a bad outline is reported and the rest still imported.
 */
public final class Opml {
    /** The feeds found, in document order, and a readable line for every outline that was skipped. */
    public record Result(List<OpmlFeed> feeds, List<String> problems) {}

    private static final int MAX_DEPTH = 32;

    private Opml() {}

    public static Result read(byte[] bytes) {
        String text;
        try (Reader r = new XmlReader(new ByteArrayInputStream(bytes), true)) {
            StringBuilder sb = new StringBuilder(bytes.length);
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
            text = sb.toString();
        } catch (IOException e) {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        text = XmlRepair.repair(text); // no DOCTYPE survives, so no entity can be expanded or fetched
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<OpmlFeed> feeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> folders = new ArrayDeque<>(); // null entries are outlines that are feeds
        boolean sawOpml = false;
        try {
            XMLStreamReader x = f.createXMLStreamReader(new StringReader(text));
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equalsIgnoreCase("opml")) sawOpml = true;
                    if (!name.equalsIgnoreCase("outline")) continue;
                    if (folders.size() >= MAX_DEPTH) throw new FeedException("OPML outlines are nested deeper than " + MAX_DEPTH);
                    String label = firstNonBlank(attr(x, "title"), attr(x, "text"));
                    String xmlUrl = attr(x, "xmlUrl");
                    if (xmlUrl == null) {
                        folders.push(label == null ? "Untitled" : Texts.plain(label));
                        continue;
                    }
                    folders.push("\u0000feed");
                    String url = Texts.httpUrl(xmlUrl, null);
                    String where = label != null ? "'" + Texts.plain(label) + "'" : "line " + x.getLocation().getLineNumber();
                    if (url == null) {
                        problems.add("skipped " + where + ": not an http(s) feed URL: " + HttpFetcher.shorten(xmlUrl.strip()));
                    } else if (!seen.add(url)) {
                        problems.add("skipped " + where + ": listed twice (" + url + ")");
                    } else {
                        feeds.add(new OpmlFeed(url, Texts.plain(label), Texts.httpUrl(attr(x, "htmlUrl"), null), folderPath(folders)));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equalsIgnoreCase("outline")) {
                    folders.pop();
                }
            }
        } catch (XMLStreamException e) {
            if (feeds.isEmpty()) throw new FeedException("not a readable OPML file: " + e.getMessage());
            problems.add("the file ends in broken XML; read up to that point: " + e.getMessage());
        }
        if (!sawOpml && feeds.isEmpty()) throw new FeedException("not an OPML file: no <opml> element");
        return new Result(feeds, problems);
    }

    private static List<String> folderPath(Deque<String> stack) {
        List<String> path = new ArrayList<>();
        var it = stack.descendingIterator();
        while (it.hasNext()) {
            String s = it.next();
            if (!s.equals("\u0000feed")) path.add(s);
        }
        return path;
    }

    private static String attr(XMLStreamReader x, String name) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                String v = x.getAttributeValue(i);
                return v == null || v.isBlank() ? null : v;
            }
        }
        return null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null ? a : b;
    }

    /** OPML 2.0 with folders as nested outlines; reading it back gives the same feeds and folders. */
    public static byte[] write(List<OpmlFeed> feeds, String title) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("opml");
            w.writeAttribute("version", "2.0");
            w.writeCharacters("\n  ");
            w.writeStartElement("head");
            element(w, "title", title);
            element(w, "dateCreated", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeStartElement("body");
            List<String> open = new ArrayList<>();
            for (OpmlFeed f : sortedByFolder(feeds)) {
                int common = 0;
                while (common < open.size() && common < f.folders().size() && open.get(common).equals(f.folders().get(common))) common++;
                while (open.size() > common) {
                    open.remove(open.size() - 1);
                    indent(w, open.size() + 2);
                    w.writeEndElement();
                }
                for (int i = common; i < f.folders().size(); i++) {
                    indent(w, open.size() + 2);
                    w.writeStartElement("outline");
                    w.writeAttribute("text", f.folders().get(i));
                    w.writeAttribute("title", f.folders().get(i));
                    open.add(f.folders().get(i));
                }
                indent(w, open.size() + 2);
                w.writeEmptyElement("outline");
                String name = f.title() == null ? f.url() : f.title();
                w.writeAttribute("type", "rss");
                w.writeAttribute("text", name);
                w.writeAttribute("title", name);
                w.writeAttribute("xmlUrl", f.url());
                if (f.siteUrl() != null) w.writeAttribute("htmlUrl", f.siteUrl());
            }
            while (!open.isEmpty()) {
                open.remove(open.size() - 1);
                indent(w, open.size() + 2);
                w.writeEndElement();
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing OPML to memory failed", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds of one folder must be adjacent for nesting; keep the given order otherwise (stable sort). */
    private static List<OpmlFeed> sortedByFolder(List<OpmlFeed> feeds) {
        List<OpmlFeed> sorted = new ArrayList<>(feeds);
        sorted.sort((a, b) -> String.join("\u0000", a.folders()).compareTo(String.join("\u0000", b.folders())));
        return sorted;
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
