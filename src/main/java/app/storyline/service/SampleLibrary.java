package app.storyline.service;

import app.storyline.feed.FeedParser;
import app.storyline.feed.Opml;
import app.storyline.model.Feed;
import app.storyline.model.OpmlFeed;
import app.storyline.model.ParsedFeed;
import app.storyline.model.ParsedItem;
import app.storyline.store.ArticleStore;
import app.storyline.store.FeedStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The offline library offered on first run (resources/sample): five fictional sources covering four
 * developing stories, so search, related articles and stories can be tried with no network. Its feeds'
 * URLs are under the reserved {@code .invalid} domain (RFC 2606), which never resolves: a refresh leaves
 * them alone rather than failing on them.
 */
public final class SampleLibrary {
    static final String PREFIX = "https://sample.storyline.invalid/";
    /** The newest sample article is shown as this old, so the library looks like this morning's news. */
    private static final Duration NEWEST_AGE = Duration.ofMinutes(9);

    private SampleLibrary() {}

    public static boolean isSample(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * Subscribes to the sample feeds and stores their articles, their dates moved so that the newest is a
     * few minutes old at {@code now}. Feeds already present are left as they are. Returns articles added.
     */
    public static int install(Library library, Instant now) {
        Opml.Result opml = Opml.read(resource("sample.opml"));
        List<ParsedFeed> parsed = new ArrayList<>();
        for (OpmlFeed f : opml.feeds()) {
            String file = f.url().substring(PREFIX.length());
            parsed.add(FeedParser.parse(resource(file), "application/rss+xml", f.url()));
        }
        Instant newest = parsed.stream().flatMap(p -> p.items().stream()).map(ParsedItem::published)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(now);
        Duration shift = Duration.between(newest, now.minus(NEWEST_AGE));
        int added = 0;
        for (int i = 0; i < parsed.size(); i++) {
            OpmlFeed f = opml.feeds().get(i);
            if (library.feeds().byUrl(f.url()).isPresent()) continue;
            ParsedFeed p = parsed.get(i);
            Feed feed = library.feeds().add(f.url(), f.title(), library.folders().ensurePath(f.folders()));
            List<ParsedItem> items = p.items().stream().map(it -> shifted(it, shift)).toList();
            // Arrival follows publication, so "new since" and retention behave as for fetched news.
            added += library.db().write(c -> {
                FeedStore.saveMeta(c, feed.id(), p.title(), p.link(), p.language());
                int n = 0;
                for (ParsedItem it : items) {
                    Instant arrived = it.published() != null ? it.published() : now;
                    n += ArticleStore.save(c, feed.id(), List.of(it), arrived).added().size();
                }
                return n;
            });
        }
        library.index().drain();
        return added;
    }

    private static ParsedItem shifted(ParsedItem it, Duration shift) {
        return new ParsedItem(it.guid(), it.link(), it.title(), it.author(), it.summary(), it.content(),
                it.published() == null ? null : it.published().plus(shift), it.updated() == null ? null : it.updated().plus(shift),
                it.categories(), it.enclosures());
    }

    private static byte[] resource(String name) {
        if (!name.matches("[a-z0-9-]+\\.(xml|opml)")) throw new IllegalArgumentException("not a sample file: " + name);
        try (InputStream in = SampleLibrary.class.getResourceAsStream("/sample/" + name)) {
            if (in == null) throw new IllegalStateException("the sample library is missing " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
