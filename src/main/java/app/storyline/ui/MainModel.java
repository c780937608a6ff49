package app.storyline.ui;

import app.storyline.model.ArticleRow;
import app.storyline.model.Story;
import app.storyline.model.StoryEntry;
import app.storyline.service.Library;
import app.storyline.service.Preferences;
import app.storyline.service.SampleLibrary;
import app.storyline.service.Subscriptions;
import app.storyline.ui.SourcesModel.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands, without nodes: the sources, the article list, the reader with
 * its Related pane, refreshing, and what ties them together (reading state, notifications, settings,
 * the first-run welcome). Work runs on three executors: {@code io} (the database and the search index),
 * {@code similar} (the related-articles engine, which may take seconds to build) and {@code net}
 * (refreshes, which may take minutes); results are applied on {@code fx}.
 */
public final class MainModel {
    private final Library library;
    private final Background io;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> notifications = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Preferences> preferences = new ReadOnlyObjectWrapper<>(Preferences.defaults());
    private final ReadOnlyBooleanWrapper welcome = new ReadOnlyBooleanWrapper(false);
    private final SourcesModel sources;
    private final ArticleListModel list;
    private final ReaderModel reader;
    private final RefreshModel refresh;
    private Map<String, String> savedState = Map.of();

    public MainModel(Library library, Executor io, Executor similar, Executor net, Executor fx) {
        this.library = library;
        this.io = new Background(io, fx);
        Consumer<String> say = status::set;
        this.sources = new SourcesModel(library, this.io, say);
        this.list = new ArticleListModel(library, this.io, say);
        this.reader = new ReaderModel(library, this.io, new Background(similar, fx), say);
        this.refresh = new RefreshModel(library, new Background(net, fx), new Background(similar, fx), say);
    }

    public SourcesModel sources() {
        return sources;
    }

    public ArticleListModel list() {
        return list;
    }

    public ReaderModel reader() {
        return reader;
    }

    public RefreshModel refreshing() {
        return refresh;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void say(String text) {
        status.set(text);
    }

    public ObservableList<String> notifications() {
        return notifications;
    }

    public ReadOnlyObjectProperty<Preferences> preferencesProperty() {
        return preferences.getReadOnlyProperty();
    }

    /** True while there are no subscriptions: the window shows the welcome instead of empty panes. */
    public ReadOnlyBooleanProperty welcomeProperty() {
        return welcome.getReadOnlyProperty();
    }

    /** The window state saved last time ("window.width", "window.dividers", "selection", ...). */
    public Map<String, String> savedState() {
        return savedState;
    }

    /** Loads settings, sources and articles; {@code then} runs on the FX thread when the first rows are shown. */
    public void start(Runnable then) {
        io.run(() -> library.settings().all(), settings -> start(settings, then), status::set);
    }

    /** As {@link #start(Runnable)}, with the settings already read (the app reads them before the window shows). */
    public void start(Map<String, String> settings, Runnable then) {
        savedState = settings;
        preferences.set(Preferences.from(settings));
        // The saved list first, so the window shows articles before the sources pane has counted them;
        // a saved search needs its query from the sources, so it waits for them.
        String saved = settings.getOrDefault("selection.source", "ALL:0");
        Source quick = SourcesModel.stub(saved);
        Runnable ready = () -> {
            if (then != null) then.run();
            // The related engine is built after the first articles show: it competes for the CPU.
            if (sources.feedCount() > 0) warmUp();
        };
        if (quick != null) list.show(quick, null);
        sources.load(() -> {
            welcome.set(sources.feedCount() == 0);
            Source found = sources.find(saved);
            boolean same = quick != null && found != null && found.kind() == quick.kind() && found.id() == quick.id();
            if (same) ready.run();
            else list.show(found, ready); // a saved search, or a feed deleted since: All
        });
    }

    /** Builds the related engine, which groups stored articles into stories; rows then show their story badges. */
    private void warmUp() {
        reader.warmUp(() -> list.reload(null));
    }

    public void savePreferences(Preferences p) {
        preferences.set(p);
        io.run(() -> {
            library.settings().putAll(p.toMap());
            return null;
        }, x -> status.set("Settings saved"), status::set);
    }

    public void saveState(Map<String, String> state) {
        io.run(() -> {
            library.settings().putAll(state);
            return null;
        }, x -> {}, status::set);
    }

    /** Opens an article from the list or the Related pane, and marks it read. */
    public void open(long articleId) {
        reader.open(articleId, a -> {
            list.update(a.id(), r -> r.withRead(true));
            if (!a.read()) sources.adjustUnread(a.feedId(), -1);
        });
    }

    public void setRead(ArticleRow row, boolean read) {
        io.run(() -> {
            library.articles().setRead(List.of(row.id()), read);
            return null;
        }, x -> {
            list.update(row.id(), r -> r.withRead(read));
            if (row.read() != read) sources.adjustUnread(row.feedId(), read ? -1 : 1);
        }, status::set);
    }

    public void setStarred(ArticleRow row, boolean starred) {
        io.run(() -> {
            library.articles().setStarred(List.of(row.id()), starred);
            return null;
        }, x -> {
            list.update(row.id(), r -> r.withStarred(starred));
            status.set(starred ? "Starred: kept however old it gets" : "Unstarred");
        }, status::set);
    }

    /** Marks every article in the list read. */
    public void markAllRead() {
        List<Long> ids = new ArrayList<>();
        for (ArticleListModel.Item it : list.items()) if (!it.row().read()) ids.add(it.row().id());
        if (ids.isEmpty()) return;
        io.run(() -> {
            library.articles().setRead(ids, true);
            return null;
        }, x -> {
            for (Long id : ids) list.update(id, r -> r.withRead(true));
            sources.load();
            status.set(ids.size() + (ids.size() == 1 ? " article" : " articles") + " marked read");
        }, status::set);
    }

    /** Saves the current search; later refreshes say when it has new results. */
    public void saveSearch(String name) {
        String q = list.queryProperty().get();
        if (q.isBlank()) {
            status.set("Search for something first, then save the search");
            return;
        }
        String label = name == null || name.isBlank() ? q : name.strip();
        io.run(() -> {
            library.savedSearches().save(label, q, Instant.now());
            return null;
        }, x -> {
            status.set("Saved the search \u201c" + label + "\u201d");
            sources.load();
        }, status::set);
    }

    /** A refresh the person asked for: every feed, now. */
    public void refresh() {
        refresh(false);
    }

    /** The timer's refresh: failing feeds wait out their back-off. */
    public void refreshAutomatically() {
        refresh(true);
    }

    private void refresh(boolean automatic) {
        refresh.refresh(preferences.get(), automatic, outcome -> {
            notifications.addAll(outcome.notices());
            sources.load();
            list.reload(null);
        });
    }

    /** First run without network: the bundled sample library. */
    public void installSample(Runnable then) {
        status.set("Adding the sample library…");
        io.run(() -> SampleLibrary.install(library, Instant.now()), added -> {
            status.set("The sample library is ready: " + added + " articles from 5 sources. Try the Related pane, search, and stories.");
            sources.load(() -> {
                welcome.set(sources.feedCount() == 0);
                list.reload(then);
                warmUp();
            });
        }, status::set);
    }

    /** Fetches a URL to preview it before subscribing. */
    public void preview(String url, Consumer<Subscriptions.Preview> then, Consumer<String> failed) {
        io.run(() -> library.subscriptions().preview(url.strip()), then, failed);
    }

    public void subscribe(String url, String folder, Consumer<String> then, Consumer<String> failed) {
        io.run(() -> library.subscriptions().subscribe(url, folder, false), r -> {
            String what = !r.added().isEmpty() ? "Subscribed: " + r.added().get(0).added() + " articles stored"
                    : !r.existing().isEmpty() ? "Already subscribed to " + r.existing().get(0).displayTitle() : "Nothing subscribed";
            status.set(what);
            welcome.set(false);
            sources.load();
            list.reload(null);
            warmUp();
            then.accept(what);
        }, failed);
    }

    public void importOpml(Path file, Consumer<Subscriptions.ImportResult> then) {
        io.run(() -> library.subscriptions().importOpml(file), r -> {
            welcome.set(welcome.get() && r.added() == 0);
            sources.load();
            then.accept(r);
        }, why -> status.set("Import failed: " + why));
    }

    public void exportOpml(Path file, Consumer<Integer> then) {
        io.run(() -> library.subscriptions().exportOpml(file), then, why -> status.set("Export failed: " + why));
    }

    /** A story's articles in order, with those new since the person last looked; marks it looked at now. */
    public record StoryView(Story story, List<StoryEntry> entries, Instant lastLook) {}

    public void story(long storyId, Consumer<StoryView> then) {
        io.run(() -> {
            Story s = library.stories().get(storyId).orElseThrow(() -> new IllegalStateException("that story is gone"));
            Instant last = library.stories().lookedAt(s.id());
            List<StoryEntry> entries = library.stories().timeline(s.id());
            library.stories().markLooked(s.id(), Instant.now());
            return new StoryView(s, entries, last);
        }, then, status::set);
    }
}
