package app.storyline.ui;

import app.storyline.index.HtmlText;
import app.storyline.model.Article;
import app.storyline.model.FeedSummary;
import app.storyline.service.Library;
import app.storyline.service.Refresher;
import app.storyline.store.ArticleStore;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands, without nodes. Work runs on {@code background}; results are
 * applied on {@code fx} (the JavaFX thread in the app, the calling thread in tests).
 */
public final class MainModel {
    private static final int ARTICLES_SHOWN = 500;

    private final Library library;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<FeedSummary> feeds = FXCollections.observableArrayList();
    private final ObservableList<Article> articles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper articleText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private Long selectedFeed;

    public MainModel(Library library, Executor background, Executor fx) {
        this.library = library;
        this.background = background;
        this.fx = fx;
    }

    public ObservableList<FeedSummary> feeds() {
        return FXCollections.unmodifiableObservableList(feeds);
    }

    public ObservableList<Article> articles() {
        return FXCollections.unmodifiableObservableList(articles);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty articleTextProperty() {
        return articleText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Loads feeds and the newest articles of the selection. */
    public void load() {
        run(() -> {
            List<FeedSummary> f = library.feeds().summaries(library.folders().paths());
            List<Article> a = library.articles().list(new ArticleStore.Query(selectedFeed, false, false, ARTICLES_SHOWN));
            return () -> {
                feeds.setAll(f);
                articles.setAll(a);
                status.set(f.isEmpty() ? "No subscriptions yet: import an OPML file or subscribe from the command line."
                        : f.size() + " feeds, " + a.size() + " articles shown");
            };
        });
    }

    /** Shows one feed's articles, or all when {@code feedId} is null. */
    public void selectFeed(Long feedId) {
        selectedFeed = feedId;
        load();
    }

    public void selectArticle(Article a) {
        articleText.set(a == null ? "" : (a.title() == null ? "" : a.title() + "\n\n") + HtmlText.plain(a.body()));
    }

    public void refresh() {
        if (busy.get()) return;
        busy.set(true);
        status.set("Refreshing…");
        run(() -> {
            List<Refresher.FeedResult> results = library.refresher().refresh(library.feeds().all(), null);
            Refresher.Totals t = Refresher.Totals.of(results);
            List<FeedSummary> f = library.feeds().summaries(library.folders().paths());
            List<Article> a = library.articles().list(new ArticleStore.Query(selectedFeed, false, false, ARTICLES_SHOWN));
            return () -> {
                feeds.setAll(f);
                articles.setAll(a);
                status.set("Refreshed " + t.feeds() + " feeds: " + t.newArticles() + " new articles"
                        + (t.failed() > 0 ? ", " + t.failed() + " feeds failed (see the feed list)" : ""));
            };
        });
    }

    private void run(Supplier<Runnable> work) {
        background.execute(() -> {
            Runnable apply;
            try {
                apply = work.get();
            } catch (RuntimeException e) {
                apply = () -> status.set("Error: " + e.getMessage());
            }
            Runnable done = apply;
            fx.execute(() -> {
                done.run();
                busy.set(false);
            });
        });
    }
}
