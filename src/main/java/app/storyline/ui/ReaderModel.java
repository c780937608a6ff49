package app.storyline.ui;

import app.storyline.model.Article;
import app.storyline.model.ArticleRow;
import app.storyline.model.Story;
import app.storyline.related.RelatedEngine;
import app.storyline.service.Library;
import app.storyline.store.ArticleRows;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open article and its Related Articles pane. The article's page comes from the database at once;
 * related articles come from the similarity engine on their own thread, so they never hold up reading,
 * and only the latest selection's answer is shown.
 */
public final class ReaderModel {
    /** One entry of the Related pane. {@code alsoIn}: near-copies of it in other feeds, folded into it. */
    public record RelatedItem(ArticleRow row, String snippet, boolean sameStory, List<String> why, int alsoIn) {}

    static final int RELATED = 10;
    private static final int SNIPPET = 90; // about two lines of the pane

    private final Library library;
    private final Background io;
    private final Background similar;
    private final Consumer<String> status;
    private final ReadOnlyObjectWrapper<Article> article = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper page = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Story> story = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper relatedStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<RelatedItem> related = FXCollections.observableArrayList();
    // One read-only view, kept: a view made per call holds its listeners weakly and loses them when collected.
    private final ObservableList<RelatedItem> relatedView = FXCollections.unmodifiableObservableList(related);
    private boolean dark;
    private int textSize = 15;
    private boolean showImages;
    private long generation;
    /**
     * The library's engine once built. Every change that adds articles (refresh, subscribe, the sample)
     * brings it up to date on the same thread, so a selection need not ask for new articles again.
     */
    private volatile RelatedEngine engine;

    ReaderModel(Library library, Background io, Background similar, Consumer<String> status) {
        this.library = library;
        this.io = io;
        this.similar = similar;
        this.status = status;
    }

    public ReadOnlyObjectProperty<Article> articleProperty() {
        return article.getReadOnlyProperty();
    }

    /** The HTML the reader's WebView shows. */
    public ReadOnlyStringProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Story> storyProperty() {
        return story.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty relatedStatusProperty() {
        return relatedStatus.getReadOnlyProperty();
    }

    public ObservableList<RelatedItem> related() {
        return relatedView;
    }

    public boolean imagesShown() {
        return showImages;
    }

    void setLook(boolean dark, int textSize) {
        this.dark = dark;
        this.textSize = textSize;
        Article a = article.get();
        if (a != null) page.set(ReaderHtml.page(a, showImages, dark, textSize, ZoneId.systemDefault()));
    }

    /** Opens an article: its page first, then its related articles. {@code then} hears the article. */
    public void open(long articleId, Consumer<Article> then) {
        long mine = ++generation;
        boolean d = dark;
        int size = textSize;
        related.clear();
        story.set(null);
        relatedStatus.set(engine != null ? "Finding related articles…" : "Preparing related articles (the first time reads every stored article)…");
        io.run(() -> {
            Article a = library.articles().get(articleId).orElseThrow(() -> new IllegalStateException("that article is no longer stored"));
            boolean images = library.feeds().showImages(a.feedId());
            if (!a.read()) library.articles().setRead(List.of(a.id()), true);
            return new Object[] {a, images, ReaderHtml.page(a, images, d, size, ZoneId.systemDefault())};
        }, r -> {
            if (mine != generation) return;
            Article a = (Article) r[0];
            showImages = (Boolean) r[1];
            article.set(a);
            page.set((String) r[2]);
            if (then != null) then.accept(a);
        }, status);
        similar.run(() -> findRelated(articleId), found -> {
            if (mine != generation) return;
            related.setAll(found.items());
            story.set(found.story());
            relatedStatus.set(found.items().isEmpty() ? "No related articles yet." : "");
        }, why -> {
            if (mine != generation) return;
            relatedStatus.set("Related articles are unavailable: " + why);
        });
    }

    private record Found(List<RelatedItem> items, Story story) {}

    private Found findRelated(long articleId) {
        if (engine == null) engine = library.related(null);
        List<RelatedEngine.Related> found = engine.related(articleId, RELATED);
        long storyId = engine.storyOf(articleId);
        Story s = storyId < 0 ? null : library.stories().get(storyId).orElse(null);
        List<Long> ids = new ArrayList<>();
        for (RelatedEngine.Related r : found) ids.add(r.articleId());
        Map<Long, ArticleRow> rows = new HashMap<>();
        for (ArticleRow row : library.rows().list(new ArticleRows.Filter(null, null, false, false, false, ids, 0))) rows.put(row.id(), row);
        List<RelatedItem> items = new ArrayList<>();
        for (RelatedEngine.Related r : found) {
            ArticleRow row = rows.get(r.articleId());
            if (row != null) items.add(new RelatedItem(row, Format.plain(row.excerpt(), SNIPPET), r.sameStory(), r.why(), r.alsoIn().size()));
        }
        return new Found(items, s);
    }

    /** Builds the engine ahead of the first selection, so the first Related pane is quick too. */
    void warmUp(Runnable then) {
        similar.run(() -> engine = library.related(null), e -> {
            if (then != null) then.run();
        }, status);
    }

    /** Follows or unfollows the open article's story. */
    public void toggleFollow(Runnable then) {
        Story s = story.get();
        if (s == null) {
            status.accept("This article is not in a story yet");
            return;
        }
        boolean follow = !s.followed();
        io.run(() -> {
            library.stories().follow(s.id(), follow);
            return library.stories().get(s.id()).orElse(s);
        }, updated -> {
            story.set(updated);
            status.accept(follow ? "Following \u201c" + title(updated) + "\u201d: new articles about it will be collected and flagged"
                    : "No longer following \u201c" + title(updated) + "\u201d");
            if (then != null) then.run();
        }, status);
    }

    /** Loads this feed's images from now on (the person's choice, remembered per feed). */
    public void allowImages() {
        Article a = article.get();
        if (a == null) return;
        boolean d = dark;
        int size = textSize;
        io.run(() -> {
            library.feeds().setShowImages(a.feedId(), true);
            return ReaderHtml.page(a, true, d, size, ZoneId.systemDefault());
        }, html -> {
            showImages = true;
            page.set(html);
            status.accept("Images from \u201c" + a.feedTitle() + "\u201d will be loaded");
        }, status);
    }

    static String title(Story s) {
        return s.title() == null ? "story " + s.id() : s.title();
    }

    static String sourcesLabel(Story s) {
        return s == null ? "" : String.format(Locale.ENGLISH, "Same story \u00b7 %d %s", s.sources(), s.sources() == 1 ? "source" : "sources");
    }
}
