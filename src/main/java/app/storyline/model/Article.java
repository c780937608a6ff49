package app.storyline.model;

import java.time.Instant;
import java.util.List;

/**
 * A stored article. {@code published} is null when the feed gave no date; {@code arrived} is when
 * Storyline first stored it. {@code updated} means a later fetch changed its title or content.
 */
public record Article(
        long id,
        long feedId,
        String feedTitle,
        String guid,
        String link,
        String title,
        String author,
        String summary,
        String content,
        Instant published,
        Instant arrived,
        String language,
        boolean updated,
        boolean read,
        boolean starred,
        List<String> categories,
        List<Enclosure> enclosures) {

    public Article {
        categories = categories == null ? List.of() : List.copyOf(categories);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }

    /** When the article happened as far as we know: its date, else when it arrived. */
    public Instant when() {
        return published != null ? published : arrived;
    }

    /** The fuller of the two bodies the feed gave. */
    public String body() {
        if (content != null && !content.isBlank()) return content;
        return summary;
    }
}
