package app.storyline.ui;

import app.storyline.index.Search;
import app.storyline.model.ArticleRow;
import app.storyline.service.Library;
import app.storyline.store.ArticleRows;
import app.storyline.ui.SourcesModel.Kind;
import app.storyline.ui.SourcesModel.Source;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The article list: the rows of the selected source or of a search, every row loaded in one query (the
 * list is virtualised, so 100k rows cost memory, not queries). A newer request replaces an older one
 * still running: only the latest one's rows are shown.
 */
public final class ArticleListModel {
    public enum Order { DATE, RELEVANCE }

    /** A row as shown: its one-line snippet in plain text, or a search snippet with {@code <b>} marks. */
    public record Item(ArticleRow row, String snippet, boolean marked) {}

    static final int SEARCH_LIMIT = 500;
    /** Rows shown before the rest are loaded: more than a screen, quick at any library size. */
    static final int FIRST = 300;
    private static final int SNIPPET = 180;

    private final Library library;
    private final Background bg;
    private final Consumer<String> status;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    // One read-only view, kept: a view made per call holds its listeners weakly and loses them when collected.
    private final ObservableList<Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper unreadOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Order> order = new ReadOnlyObjectWrapper<>(Order.DATE);
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper query = new ReadOnlyStringWrapper("");
    private long generation;

    ArticleListModel(Library library, Background bg, Consumer<String> status) {
        this.library = library;
        this.bg = bg;
        this.status = status;
    }

    public ObservableList<Item> items() {
        return itemsView;
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unreadOnlyProperty() {
        return unreadOnly.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Order> orderProperty() {
        return order.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queryProperty() {
        return query.getReadOnlyProperty();
    }

    public void show(Source s) {
        show(s, null);
    }

    /** Shows a source's articles; {@code then} runs once the first of them are on screen. */
    public void show(Source s, Runnable then) {
        source.set(s);
        query.set(s != null && s.kind() == Kind.SEARCH ? s.query() : "");
        reload(then);
    }

    public void setUnreadOnly(boolean only) {
        unreadOnly.set(only);
        reload(null);
    }

    public void setOrder(Order o) {
        order.set(o);
        reload(null);
    }

    /** Searches the whole library; a blank query goes back to the selected source. */
    public void search(String text) {
        query.set(text == null ? "" : text.strip());
        reload(null);
    }

    /**
     * Loads the rows again (after a refresh, say); {@code then} runs on the FX thread once they are shown.
     * A source's newest rows come first, so the window shows articles at once; all of them follow.
     */
    public void reload(Runnable then) {
        long mine = ++generation;
        String q = query.get();
        Source s = source.get();
        boolean unread = unreadOnly.get();
        Order o = order.get();
        java.util.function.Consumer<String> failed = why -> {
            if (mine != generation) return;
            items.clear();
            caption.set(q.isEmpty() ? "Cannot load the articles" : "Cannot search for that");
            status.accept(why);
        };
        bg.run(() -> q.isEmpty() ? browse(s, unread, FIRST) : search(q, unread, o), loaded -> {
            if (mine != generation) return; // a newer request is on its way
            items.setAll(loaded.items());
            caption.set(loaded.caption());
            if (then != null) then.run();
            if (!q.isEmpty() || loaded.items().size() < FIRST) return;
            bg.run(() -> browse(s, unread, 0), all -> {
                if (mine != generation) return;
                items.setAll(all.items());
                caption.set(all.caption());
            }, failed);
        }, failed);
    }

    private record Loaded(List<Item> items, String caption) {}

    private Loaded browse(Source s, boolean unread, int limit) {
        Kind k = s == null ? Kind.ALL : s.kind();
        ArticleRows.Filter f = new ArticleRows.Filter(k == Kind.FEED ? s.id() : null, k == Kind.FOLDER ? s.id() : null,
                unread || k == Kind.UNREAD, k == Kind.STARRED, k == Kind.FOLLOWED, null, limit);
        List<ArticleRow> rows = library.rows().list(f);
        List<Item> out = new ArrayList<>(rows.size());
        for (ArticleRow r : rows) out.add(new Item(r, Format.plain(r.excerpt(), SNIPPET), false));
        String what = rows.size() == 1 ? "1 article" : String.format(Locale.ENGLISH, limit > 0 && rows.size() == limit ? "%,d+ articles" : "%,d articles", rows.size());
        return new Loaded(out, (unread && k != Kind.UNREAD ? what.replace("article", "unread article") : what));
    }

    private Loaded search(String q, boolean unread, Order o) {
        Search.Results found = new Search(library.index(), ZoneId.systemDefault())
                .search(q, SEARCH_LIMIT, o == Order.DATE ? Search.Order.DATE : Search.Order.RELEVANCE);
        Map<Long, String> snippets = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (Search.Hit h : found.hits()) {
            ids.add(h.articleId());
            snippets.put(h.articleId(), h.snippet());
        }
        List<ArticleRow> rows = library.rows().list(new ArticleRows.Filter(null, null, unread, false, false, ids, 0));
        List<Item> out = new ArrayList<>(rows.size());
        for (ArticleRow r : rows) {
            String marked = snippets.get(r.id());
            out.add(marked == null || marked.isBlank() ? new Item(r, Format.plain(r.excerpt(), SNIPPET), false) : new Item(r, marked, true));
        }
        String caption = String.format(Locale.ENGLISH, "%,d %s for \u201c%s\u201d", found.total(), found.total() == 1 ? "result" : "results", q)
                + (found.total() > out.size() ? String.format(Locale.ENGLISH, " (best %,d shown)", out.size()) : "");
        return new Loaded(out, caption);
    }

    /** Replaces rows in place after a change of read or starred state, without reloading. */
    void update(long id, java.util.function.UnaryOperator<ArticleRow> change) {
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.row().id() == id) {
                ArticleRow changed = change.apply(it.row());
                if (!changed.equals(it.row())) items.set(i, new Item(changed, it.snippet(), it.marked()));
                return;
            }
        }
    }

    int indexOf(long id) {
        for (int i = 0; i < items.size(); i++) if (items.get(i).row().id() == id) return i;
        return -1;
    }
}
