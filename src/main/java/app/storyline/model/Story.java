package app.storyline.model;

import java.time.Instant;

/**
 * A story: the articles of several sources about one event. {@code title} is its first article's,
 * {@code unread} counts articles that joined while it was followed and are still unread.
 */
public record Story(long id, String title, int articles, int sources, Instant firstSeen, Instant lastSeen,
                    boolean followed, int unread) {}
