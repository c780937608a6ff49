package app.storyline.feed;

import java.nio.charset.Charset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the feeds a web page advertises with {@code <link rel="alternate" type="...">}. */
public final class Discovery {
    /** A feed a page links to; {@code title} may be null. */
    public record Candidate(String url, String title, String type) {}

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final List<String> FEED_TYPES = List.of(
            "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
            "application/rdf+xml", "application/xml", "text/xml");

    private Discovery() {}

    public static List<Candidate> find(byte[] html, String contentType, String pageUrl) {
        Document doc;
        try {
            // A null charset lets jsoup read the BOM and <meta charset> as browsers do.
            doc = Jsoup.parse(new ByteArrayInputStream(html), charset(contentType), pageUrl);
        } catch (IOException e) {
            throw new FeedException("could not read the page: " + e.getMessage(), e);
        }
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (Element link : doc.select("link[href]")) {
            String rel = " " + link.attr("rel").toLowerCase(Locale.ROOT) + " ";
            String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
            int semi = type.indexOf(';');
            if (semi >= 0) type = type.substring(0, semi).strip();
            if (!rel.contains(" alternate ") || !FEED_TYPES.contains(type)) continue;
            // application/json and generic XML types are only feeds when they say so in rel/title or URL.
            String url = Texts.httpUrl(link.attr("href"), pageUrl);
            if (url == null || found.containsKey(url)) continue;
            if ((type.equals("application/json") || type.endsWith("/xml")) && !looksLikeFeedUrl(url, link.attr("title"))) continue;
            found.put(url, new Candidate(url, Texts.plain(link.attr("title")), type));
        }
        return new ArrayList<>(found.values());
    }

    private static boolean looksLikeFeedUrl(String url, String title) {
        String s = (url + " " + title).toLowerCase(Locale.ROOT);
        return s.contains("feed") || s.contains("rss") || s.contains("atom") || s.contains("json");
    }

    private static String charset(String contentType) {
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            try {
                if (m.find() && Charset.isSupported(m.group(1))) return m.group(1);
            } catch (IllegalArgumentException illegalName) {
                return null;
            }
        }
        return null;
    }
}
