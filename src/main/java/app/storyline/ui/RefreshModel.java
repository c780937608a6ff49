package app.storyline.ui;

import app.storyline.model.FeedSummary;
import app.storyline.model.Story;
import app.storyline.service.Library;
import app.storyline.service.Preferences;
import app.storyline.service.Refresher;
import app.storyline.store.SavedSearchStore.SavedSearch;
import app.storyline.index.Search;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Refreshing every feed: progress as "12 / 200 feeds" with the feed just done, then retention, story
 * grouping of the new articles, and what is news to the person: followed stories and saved searches
 * with new articles. One refresh at a time.
 */
public final class RefreshModel {
    /** What a finished refresh found, for the status line and the notifications. */
    public record Outcome(Refresher.Totals totals, List<String> notices) {}

    private final Library library;
    private final Background bg;
    private final Background similar;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");

    /** {@code similar} is the related engine's thread: grouping new articles must not race its queries. */
    RefreshModel(Library library, Background bg, Background similar, Consumer<String> status) {
        this.library = library;
        this.bg = bg;
        this.similar = similar;
        this.status = status;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /**
     * Refreshes all feeds unless a refresh is running; {@code done} gets the outcome on the FX thread.
     * {@code automatic} (the timer) leaves failing feeds alone until their back-off has passed.
     */
    public boolean refresh(Preferences prefs, boolean automatic, Consumer<Outcome> done) {
        if (running.get()) return false;
        running.set(true);
        progress.set(0);
        progressText.set("Starting…");
        Consumer<String> failed = why -> {
            running.set(false);
            progressText.set("");
            status.accept("Refresh failed: " + why);
        };
        Map<Long, Integer> followedBefore = new HashMap<>();
        bg.run(() -> {
            followedBefore.putAll(followedUnread());
            return fetch(prefs, automatic);
        }, totals -> {
            progressText.set("Grouping new articles into stories…");
            similar.run(() -> news(followedBefore), notices -> {
                running.set(false);
                progressText.set("");
                status.accept(String.format(Locale.ENGLISH, "Refreshed %d feeds: %d new articles%s", totals.feeds(), totals.newArticles(),
                        totals.failed() > 0 ? ", " + totals.failed() + (totals.failed() == 1 ? " feed" : " feeds") + " failed (Feed health shows why)" : ""));
                done.accept(new Outcome(totals, notices));
            }, failed);
        }, failed);
        return true;
    }

    private Refresher.Totals fetch(Preferences prefs, boolean automatic) {
        var feeds = library.feeds().all();
        Map<Long, String> names = new HashMap<>();
        for (var f : feeds) names.put(f.id(), f.displayTitle());
        Refresher.Progress shown = (r, done, total) -> bg.fx(() -> {
            progress.set(total == 0 ? 1 : done / (double) total);
            progressText.set(String.format(Locale.ENGLISH, "%d / %d feeds \u00b7 %s", done, total, names.getOrDefault(r.feedId(), r.url())));
        });
        List<Refresher.FeedResult> results = automatic ? library.refresher().refreshDue(feeds, shown, Instant.now())
                : library.refresher().refresh(feeds, shown);
        if (prefs.retentionDays() > 0) {
            int gone = library.articles().deleteOlderThan(Instant.now().minus(Duration.ofDays(prefs.retentionDays())));
            if (gone > 0) library.index().drain();
        }
        return Refresher.Totals.of(results);
    }

    private List<String> news(Map<Long, Integer> followedBefore) {
        library.related(null); // groups what arrived, so followed stories collect their new articles now
        List<String> notices = new ArrayList<>();
        Map<Long, Integer> followedAfter = followedUnread();
        for (Story s : library.stories().list(1, 0, true)) {
            int more = followedAfter.getOrDefault(s.id(), 0) - followedBefore.getOrDefault(s.id(), 0);
            if (more > 0) notices.add(String.format(Locale.ENGLISH, "%d new %s in the story you follow: \u201c%s\u201d", more,
                    more == 1 ? "article" : "articles", ReaderModel.title(s)));
        }
        for (SavedSearch s : library.savedSearches().all()) {
            int fresh = newResults(s);
            if (fresh > 0) notices.add(String.format(Locale.ENGLISH, "%d new %s for your saved search \u201c%s\u201d", fresh,
                    fresh == 1 ? "result" : "results", s.name()));
        }
        return notices;
    }

    private Map<Long, Integer> followedUnread() {
        Map<Long, Integer> out = new HashMap<>();
        for (Story s : library.stories().list(1, 0, true)) out.put(s.id(), s.unread());
        return out;
    }

    /** Results of a saved search dated after what the person has seen of it. */
    int newResults(SavedSearch s) {
        try {
            Search.Results r = new Search(library.index(), ZoneId.systemDefault()).search(s.query(), 200, Search.Order.DATE);
            List<Long> ids = r.hits().stream().map(Search.Hit::articleId).toList();
            return (int) library.rows().list(new app.storyline.store.ArticleRows.Filter(null, null, false, false, false, ids, 0))
                    .stream().filter(row -> row.when().isAfter(s.seenThrough())).count();
        } catch (RuntimeException e) {
            return 0; // a saved query that no longer parses tells nothing new
        }
    }

    /** Every feed with its last success, last error and HTTP status, for the Feed health dialog. */
    public void health(Consumer<List<FeedSummary>> then) {
        bg.run(() -> library.feeds().summaries(library.folders().paths()), then, status);
    }
}
