package app.storyline.model;

import java.time.Instant;

/** One article in a story's timeline; {@code articleId} may no longer exist for a followed story's skeleton. */
public record StoryEntry(long articleId, String title, String link, String feed, Instant published, boolean flagged,
                         boolean stored) {}
