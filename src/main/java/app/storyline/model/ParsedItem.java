package app.storyline.model;

import java.time.Instant;
import java.util.List;

/**
 * One item as a parser found it, before it is an {@link Article}: no id, no state.
 * Strings are null when the feed did not carry them; HTML fields hold the feed's HTML unsanitised.
 */
public record ParsedItem(
        String guid,
        String link,
        String title,
        String author,
        String summary,
        String content,
        Instant published,
        Instant updated,
        List<String> categories,
        List<Enclosure> enclosures) {

    public ParsedItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }
}
