package app.storyline.ui;

import app.storyline.model.FeedSummary;
import app.storyline.model.Folder;
import app.storyline.service.Library;
import app.storyline.store.SavedSearchStore.SavedSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The sources pane: smart entries, saved searches, folders and feeds with unread counts and failures. */
public final class SourcesModel {
    public enum Kind { ALL, UNREAD, STARRED, FOLLOWED, SEARCHES, SEARCH, FOLDER, FEED }

    /** One entry of the tree; {@code error} is a failing feed's last error; {@code query} a saved search's. */
    public record Source(Kind kind, long id, String label, int unread, String error, String query, List<Source> children) {
        public boolean isSmart() {
            return kind == Kind.ALL || kind == Kind.UNREAD || kind == Kind.STARRED || kind == Kind.FOLLOWED;
        }
    }

    private final Library library;
    private final Background bg;
    private final Consumer<String> status;
    private final ObservableList<Source> roots = FXCollections.observableArrayList();
    // One read-only view, kept: a view made per call holds its listeners weakly and loses them when collected.
    private final ObservableList<Source> rootsView = FXCollections.unmodifiableObservableList(roots);
    private int feedCount;

    SourcesModel(Library library, Background bg, Consumer<String> status) {
        this.library = library;
        this.bg = bg;
        this.status = status;
    }

    public ObservableList<Source> roots() {
        return rootsView;
    }

    public int feedCount() {
        return feedCount;
    }

    /** An entry saved as "KIND:id" that can be listed before the tree is loaded; null for a saved search. */
    static Source stub(String saved) {
        try {
            String[] parts = saved.split(":");
            Kind kind = Kind.valueOf(parts[0]);
            if (kind == Kind.SEARCH || kind == Kind.SEARCHES) return null;
            return new Source(kind, Long.parseLong(parts[1]), "", 0, null, null, List.of());
        } catch (RuntimeException e) {
            return new Source(Kind.ALL, 0, "All articles", 0, null, null, List.of());
        }
    }

    /** The entry saved as "KIND:id", or All when it is gone or unreadable. */
    Source find(String saved) {
        String[] parts = saved.split(":");
        try {
            Source s = find(roots, Kind.valueOf(parts[0]), Long.parseLong(parts[1]));
            if (s != null) return s;
        } catch (RuntimeException e) {
            // a hand-edited value: All
        }
        return roots.isEmpty() ? null : roots.get(0);
    }

    private static Source find(List<Source> in, Kind kind, long id) {
        for (Source s : in) {
            if (s.kind() == kind && s.id() == id) return s;
            Source deeper = find(s.children(), kind, id);
            if (deeper != null) return deeper;
        }
        return null;
    }

    public void load() {
        load(() -> {});
    }

    void load(Runnable then) {
        bg.run(this::build, built -> {
            roots.setAll(built);
            then.run();
        }, status);
    }

    private List<Source> build() {
        List<FeedSummary> feeds = library.feeds().summaries(library.folders().paths());
        List<Folder> folders = library.folders().all();
        List<SavedSearch> searches = library.savedSearches().all();
        int unread = feeds.stream().mapToInt(FeedSummary::unread).sum();
        int followedUnread = library.stories().list(1, 0, true).stream().mapToInt(s -> s.unread()).sum();
        feedCount = feeds.size();

        Map<Long, List<Source>> feedsIn = new HashMap<>();
        for (FeedSummary f : feeds) {
            String error = f.fetch().lastError() != null && f.fetch().failures() > 0 ? f.fetch().lastError() : null;
            feedsIn.computeIfAbsent(f.feed().folderId() == null ? 0L : f.feed().folderId(), k -> new ArrayList<>())
                    .add(new Source(Kind.FEED, f.feed().id(), f.feed().displayTitle(), f.unread(), error, null, List.of()));
        }
        List<Source> out = new ArrayList<>();
        out.add(new Source(Kind.ALL, 0, "All articles", unread, null, null, List.of()));
        out.add(new Source(Kind.UNREAD, 0, "Unread", unread, null, null, List.of()));
        out.add(new Source(Kind.STARRED, 0, "Starred", 0, null, null, List.of()));
        out.add(new Source(Kind.FOLLOWED, 0, "Followed stories", followedUnread, null, null, List.of()));
        if (!searches.isEmpty()) {
            List<Source> saved = searches.stream().map(s -> new Source(Kind.SEARCH, s.id(), s.name(), 0, null, s.query(), List.of())).toList();
            out.add(new Source(Kind.SEARCHES, 0, "Saved searches", 0, null, null, saved));
        }
        out.addAll(folderTree(null, folders, feedsIn));
        List<Source> top = new ArrayList<>(feedsIn.getOrDefault(0L, List.of()));
        top.sort(Comparator.comparing(s -> s.label().toLowerCase()));
        out.addAll(top);
        return out;
    }

    private static List<Source> folderTree(Long parent, List<Folder> all, Map<Long, List<Source>> feedsIn) {
        List<Source> out = new ArrayList<>();
        for (Folder f : all) {
            if (!java.util.Objects.equals(f.parentId(), parent)) continue;
            List<Source> children = new ArrayList<>(folderTree(f.id(), all, feedsIn));
            List<Source> feeds = new ArrayList<>(feedsIn.getOrDefault(f.id(), List.of()));
            feeds.sort(Comparator.comparing(s -> s.label().toLowerCase()));
            children.addAll(feeds);
            int unread = children.stream().mapToInt(Source::unread).sum();
            out.add(new Source(Kind.FOLDER, f.id(), f.name(), unread, null, null, children));
        }
        out.sort(Comparator.comparing(s -> s.label().toLowerCase()));
        return out;
    }

    /**
     * Changes a feed's unread count in place (an article opened or marked), without a query: counting
     * every feed's articles again would cost more than opening the article did.
     */
    void adjustUnread(long feedId, int delta) {
        if (delta == 0) return;
        List<Source> changed = new ArrayList<>(roots.size());
        for (Source s : roots) changed.add(adjusted(s, feedId, delta));
        roots.setAll(changed);
    }

    private static Source adjusted(Source s, long feedId, int delta) {
        boolean counts = s.kind() == Kind.ALL || s.kind() == Kind.UNREAD || (s.kind() == Kind.FEED && s.id() == feedId)
                || (s.kind() == Kind.FOLDER && contains(s, feedId));
        List<Source> children = s.children().isEmpty() ? s.children() : s.children().stream().map(c -> adjusted(c, feedId, delta)).toList();
        int unread = counts ? Math.max(0, s.unread() + delta) : s.unread();
        return new Source(s.kind(), s.id(), s.label(), unread, s.error(), s.query(), children);
    }

    private static boolean contains(Source folder, long feedId) {
        for (Source c : folder.children()) {
            if ((c.kind() == Kind.FEED && c.id() == feedId) || (c.kind() == Kind.FOLDER && contains(c, feedId))) return true;
        }
        return false;
    }

    public void addFolder(String name, Long parentId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.contains("/")) {
            status.accept("A folder name cannot be empty or contain \"/\"");
            return;
        }
        change(() -> {
            List<String> path = new ArrayList<>(parentId == null ? List.of() : library.folders().paths().getOrDefault(parentId, List.of()));
            path.add(clean);
            library.folders().ensurePath(path);
        }, "Folder \"" + clean + "\" added");
    }

    public void renameFolder(long id, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.contains("/")) {
            status.accept("A folder name cannot be empty or contain \"/\"");
            return;
        }
        bg.run(() -> library.folders().rename(id, clean), ok -> {
            status.accept(ok ? "Folder renamed to \"" + clean + "\"" : "There is already a folder called \"" + clean + "\" there");
            load();
        }, status);
    }

    public void deleteFolder(long id) {
        change(() -> library.folders().delete(id), "Folder deleted; its feeds moved up a level");
    }

    /** Drag and drop: a feed into a folder (null: the top level). */
    public void moveFeed(long feedId, Long folderId) {
        change(() -> library.feeds().setFolder(feedId, folderId), "Feed moved");
    }

    public void moveFolder(long id, Long parentId) {
        bg.run(() -> library.folders().move(id, parentId), ok -> {
            status.accept(ok ? "Folder moved" : "A folder cannot go inside itself or next to one of the same name");
            load();
        }, status);
    }

    public void renameFeed(long feedId, String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty()) return;
        change(() -> library.feeds().rename(feedId, clean), "Feed renamed");
    }

    /** Unsubscribes; the feed's articles go with it (starred ones too: the person asked for it). */
    public void unsubscribe(long feedId, Runnable then) {
        bg.run(() -> {
            library.feeds().delete(feedId);
            library.index().drain();
            return null;
        }, x -> {
            status.accept("Unsubscribed");
            load(then);
        }, status);
    }

    public void deleteSavedSearch(long id) {
        change(() -> library.savedSearches().delete(id), "Saved search removed");
    }

    private void change(Runnable work, String done) {
        bg.run(() -> {
            work.run();
            return null;
        }, x -> {
            status.accept(done);
            load();
        }, status);
    }
}
