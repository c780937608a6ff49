package app.storyline.feed;

import app.storyline.model.ParsedFeed;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a fetched or read document into a {@link ParsedFeed}: JSON Feed by its leading brace,
 * RSS/Atom otherwise. Throws {@link NotAFeedException} for HTML pages (discovery looks at those)
 * and {@link FeedException} with a readable reason for anything else it cannot read.
 */
public final class FeedParser {
    private FeedParser() {}

    public static ParsedFeed parse(byte[] body, String contentType, String baseUrl) {
        return Links.clean(parseRaw(body, contentType, baseUrl));
    }

    private static ParsedFeed parseRaw(byte[] body, String contentType, String baseUrl) {
        if (body == null || body.length == 0) throw new FeedException("empty document");
        String head = head(body);
        if (head.startsWith("{")) return JsonFeedParser.parse(body, baseUrl);
        if (looksLikeHtml(head)) throw new NotAFeedException("this is an HTML page, not a feed");
        if (!head.startsWith("<")) {
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
                return JsonFeedParser.parse(body, baseUrl);
            }
            throw new FeedException("not a feed: the document is neither XML nor JSON");
        }
        return XmlFeedParser.parse(body, contentType, baseUrl);
    }

    /** The first characters after any BOM and whitespace, decoded loosely, lower-cased. */
    static String head(byte[] body) {
        int from = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) from = 3;
        String s;
        if (body.length >= 2 && ((body[0] & 0xFF) == 0xFE || (body[0] & 0xFF) == 0xFF || body[0] == 0 || body[1] == 0)) {
            // UTF-16/32 documents: let the XML decoder deal with them.
            return "<";
        }
        s = new String(body, from, Math.min(body.length - from, 1024), StandardCharsets.ISO_8859_1);
        return s.stripLeading().toLowerCase(Locale.ROOT);
    }

    static boolean looksLikeHtml(String head) {
        String h = head;
        // Skip an XML declaration and comments before deciding.
        while (h.startsWith("<?") || h.startsWith("<!--")) {
            int end = h.startsWith("<?") ? h.indexOf("?>") : h.indexOf("-->");
            if (end < 0) return false;
            h = h.substring(end + (h.startsWith("<?") ? 2 : 3)).stripLeading();
        }
        return h.startsWith("<!doctype html") || h.startsWith("<html") || h.startsWith("<head")
                || h.startsWith("<body") || h.startsWith("<meta") || h.startsWith("<title");
    }
}
