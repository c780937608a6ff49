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
}
