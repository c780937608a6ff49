package app.storyline.service;

import app.storyline.feed.Discovery;
import app.storyline.feed.FeedException;
import app.storyline.feed.FeedParser;
import app.storyline.feed.FetchOutcome;
import app.storyline.feed.HttpFetcher;
import app.storyline.feed.NotAFeedException;
import app.storyline.feed.Opml;
import app.storyline.model.Feed;
import app.storyline.model.FetchState;
import app.storyline.model.OpmlFeed;
import app.storyline.model.ParsedFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Subscribing by URL (with feed discovery), OPML import and export, and checking feeds without storing them. */
public final class Subscriptions {
    /** Files we read are bounded like HTTP bodies. */
    static final long MAX_FILE_BYTES = 10L << 20;

    /**
     * {@code added}: new subscriptions with their first fetch; {@code existing}: already subscribed;
     * {@code choices}: several feeds found on a page, none subscribed (the user picks, or passes --all).
     */
    public record SubscribeResult(List<Refresher.FeedResult> added, List<Feed> existing, List<Discovery.Candidate> choices) {}

    /** {@code duplicates}: URLs already subscribed; {@code problems}: outlines that could not be read. */
    public record ImportResult(int added, List<String> duplicates, List<String> problems) {}

    /** The outcome of parsing one input without storing it. */
    public record ParseResult(String input, ParsedFeed feed, String error) {}

    private final Library library;

    Subscriptions(Library library) {
        this.library = library;
    }

    /** What subscribing to a URL would give: the feed itself, or the feeds a web page links to. */
    public record Preview(String url, ParsedFeed feed, List<Discovery.Candidate> choices) {}

    /**
     * Fetches {@code url} and parses it without storing anything: a feed gives its title and items; a web
     * page its feeds (the only one, previewed, when there is just one). Throws UserError with the reason.
     */
    public Preview preview(String url) {
        return preview(url, true);
    }

    private Preview preview(String url, boolean followOne) {
        try {
            HttpFetcher.checkedUri(url);
        } catch (FeedException e) {
            throw new UserError(e.getMessage());
        }
        FetchOutcome outcome = library.fetcher().fetch(url, null, null);
        if (outcome instanceof FetchOutcome.Failed f) throw new UserError("cannot fetch " + url + ": " + f.reason());
        if (!(outcome instanceof FetchOutcome.Fetched fetched)) throw new UserError("unexpected answer from " + url);
        String feedUrl = outcome.movedTo() != null ? outcome.movedTo() : url;
        try {
            return new Preview(feedUrl, FeedParser.parse(fetched.body(), fetched.contentType(), fetched.url()), List.of());
        } catch (NotAFeedException page) {
            List<Discovery.Candidate> found = Discovery.find(fetched.body(), fetched.contentType(), fetched.url());
            if (found.isEmpty()) throw new UserError(url + " is a web page that links to no feed");
            if (found.size() == 1 && followOne) return preview(found.get(0).url(), false);
            return new Preview(feedUrl, null, found);
        } catch (FeedException e) {
            throw new UserError(url + " is not a feed we can read: " + e.getMessage());
        }
    }

    public SubscribeResult subscribe(String url, String folder, boolean all) {
        try {
            HttpFetcher.checkedUri(url); // refuse file:, javascript: ... before any work
        } catch (FeedException e) {
            throw new UserError(e.getMessage());
        }
        var existing = library.feeds().byUrl(url);
        if (existing.isPresent()) return new SubscribeResult(List.of(), List.of(existing.get()), List.of());
        Long folderId = folder == null || folder.isBlank() ? null : library.folders().ensurePath(folderPath(folder));
        FetchOutcome outcome = library.fetcher().fetch(url, null, null);
        if (outcome instanceof FetchOutcome.Failed f) throw new UserError("cannot fetch " + url + ": " + f.reason());
        if (!(outcome instanceof FetchOutcome.Fetched fetched)) throw new UserError("unexpected answer from " + url);
        String feedUrl = outcome.movedTo() != null ? outcome.movedTo() : url;
        try {
            ParsedFeed parsed = FeedParser.parse(fetched.body(), fetched.contentType(), fetched.url());
            return new SubscribeResult(List.of(add(feedUrl, parsed, fetched, folderId)), List.of(), List.of());
        } catch (NotAFeedException page) {
            List<Discovery.Candidate> found = Discovery.find(fetched.body(), fetched.contentType(), fetched.url());
            if (found.isEmpty()) throw new UserError(url + " is a web page that links to no feed");
            if (found.size() > 1 && !all) return new SubscribeResult(List.of(), List.of(), found);
            return subscribeCandidates(found, folderId);
        } catch (FeedException e) {
            throw new UserError(url + " is not a feed we can read: " + e.getMessage());
        }
    }

    private SubscribeResult subscribeCandidates(List<Discovery.Candidate> found, Long folderId) {
        List<Refresher.FeedResult> added = new ArrayList<>();
        List<Feed> existing = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Discovery.Candidate c : found) {
            var known = library.feeds().byUrl(c.url());
            if (known.isPresent()) {
                existing.add(known.get());
                continue;
            }
            FetchOutcome o = library.fetcher().fetch(c.url(), null, null);
            if (!(o instanceof FetchOutcome.Fetched f)) {
                errors.add(c.url() + ": " + (o instanceof FetchOutcome.Failed failed ? failed.reason() : "no content"));
                continue;
            }
            try {
                added.add(add(o.movedTo() != null ? o.movedTo() : c.url(), FeedParser.parse(f.body(), f.contentType(), f.url()), f, folderId));
            } catch (FeedException e) {
                errors.add(c.url() + ": " + e.getMessage());
            }
        }
        if (added.isEmpty() && existing.isEmpty()) throw new UserError("none of the feeds on the page could be read: " + String.join("; ", errors));
        return new SubscribeResult(added, existing, List.of());
    }

    private Refresher.FeedResult add(String url, ParsedFeed parsed, FetchOutcome.Fetched fetched, Long folderId) {
        Feed feed = library.feeds().add(url, parsed.title(), folderId);
        Refresher.FeedResult r = library.refresher().ingest(feed.id(), url, fetched, FetchState.empty(feed.id()), Instant.now());
        library.index().drain();
        return r;
    }

    static List<String> folderPath(String folder) {
        return Arrays.stream(folder.split("/")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public ImportResult importOpml(Path file) {
        Opml.Result opml;
        try {
            opml = Opml.read(readFile(file));
        } catch (FeedException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        int added = 0;
        List<String> duplicates = new ArrayList<>();
        for (OpmlFeed f : opml.feeds()) {
            if (library.feeds().byUrl(f.url()).isPresent()) {
                duplicates.add(f.url());
                continue;
            }
            Long folderId = library.folders().ensurePath(f.folders());
            library.feeds().add(f.url(), f.title(), folderId);
            added++;
        }
        return new ImportResult(added, duplicates, opml.problems());
    }

    public int exportOpml(Path file) {
        Map<Long, List<String>> paths = library.folders().paths();
        List<OpmlFeed> out = new ArrayList<>();
        for (Feed f : library.feeds().all()) {
            List<String> path = f.folderId() == null ? List.of() : paths.getOrDefault(f.folderId(), List.of());
            out.add(new OpmlFeed(f.url(), f.title(), f.siteUrl(), path));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(file, Opml.write(out, "Storyline subscriptions"));
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
        return out.size();
    }

    /** A local file or an http(s) URL, parsed and not stored. Never throws for a bad feed. */
    public static ParseResult parse(String input, HttpFetcher fetcher) {
        try {
            if (input.startsWith("http://") || input.startsWith("https://")) {
                FetchOutcome o = fetcher.fetch(input, null, null);
                if (o instanceof FetchOutcome.Fetched f) return new ParseResult(input, FeedParser.parse(f.body(), f.contentType(), f.url()), null);
                return new ParseResult(input, null, o instanceof FetchOutcome.Failed failed ? failed.reason() : "no content");
            }
            return new ParseResult(input, FeedParser.parse(readFile(Path.of(input)), null, null), null);
        } catch (FeedException | UserError e) {
            return new ParseResult(input, null, e.getMessage());
        } catch (RuntimeException e) {
            return new ParseResult(input, null, "cannot parse: " + e);
        }
    }

    /** A regular file of at most 10 MB. */
    static byte[] readFile(Path file) {
        try {
            if (!Files.exists(file)) throw new UserError("no such file: " + file);
            if (Files.isDirectory(file)) throw new UserError(file + " is a directory");
            if (!Files.isRegularFile(file)) throw new UserError(file + " is not a regular file");
            if (Files.size(file) > MAX_FILE_BYTES) throw new UserError(file + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
