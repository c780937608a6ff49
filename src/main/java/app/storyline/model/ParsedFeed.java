package app.storyline.model;

import java.util.List;

/** A whole feed document as parsed: format is e.g. "rss_2.0", "atom_1.0", "json_1.1". */
public record ParsedFeed(
        String format,
        String title,
        String link,
        String description,
        String language,
        List<ParsedItem> items) {

    public ParsedFeed {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
