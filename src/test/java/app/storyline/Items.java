package app.storyline;

import app.storyline.model.ParsedItem;
import java.time.Instant;
import java.util.List;

/** Small builders for parsed items in tests. */
public final class Items {
    private Items() {}

    public static ParsedItem item(String guid, String title, String text, Instant published) {
        return new ParsedItem(guid, "https://example.com/" + guid, title, null, text, null, published, null, List.of(), List.of());
    }

    public static ParsedItem item(String guid, String title, String text, Instant published, String author, List<String> tags) {
        return new ParsedItem(guid, "https://example.com/" + guid, title, author, text, null, published, null, tags, List.of());
    }

    /** A small RSS 2.0 document with one item per guid. */
    public static String rss(String title, String... guids) {
        StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>" + title + "</title>");
        for (String g : guids) sb.append("<item><guid>").append(g).append("</guid><title>Story ").append(g)
                .append("</title><description>About ").append(g).append(" and zebras</description></item>");
        return sb.append("</channel></rss>").toString();
    }
}
