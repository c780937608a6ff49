package app.storyline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.Items;
import app.storyline.LoopbackServer;
import app.storyline.service.Library;
import app.storyline.service.Preferences;
import app.storyline.ui.SourcesModel.Kind;
import app.storyline.ui.SourcesModel.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's model as plain JUnit: every executor runs work on the calling thread. */
class MainModelTest {
    private static final Executor SAME_THREAD = Runnable::run;
    @TempDir Path dir;
    LoopbackServer server;
    Library lib;
    MainModel model;

    @BeforeEach
    void start() {
        server = new LoopbackServer()
                .on("/a.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", Items.rss("Feed A", "a1", "a2")))
                .on("/dead.xml", ex -> LoopbackServer.send(ex, 500, "text/plain", "boom"));
        lib = Library.open(dir);
        model = new MainModel(lib, SAME_THREAD, SAME_THREAD, SAME_THREAD, SAME_THREAD);
    }

    @AfterEach
    void stop() {
        lib.close();
        server.close();
    }

    private Source source(Kind kind, String label) {
        return find(model.sources().roots(), kind, label);
    }

    private static Source find(List<Source> in, Kind kind, String label) {
        for (Source s : in) {
            if (s.kind() == kind && s.label().equals(label)) return s;
            Source deeper = find(s.children(), kind, label);
            if (deeper != null) return deeper;
        }
        return null;
    }

    @Test
    void emptyLibraryShowsTheWelcome() {
        model.start(null);
        assertTrue(model.welcomeProperty().get());
        assertEquals(0, model.list().items().size());
    }

    @Test
    void sampleLibraryFillsSourcesListAndStories() {
        model.start(null);
        model.installSample(null);
        assertFalse(model.welcomeProperty().get());
        assertEquals(44, model.list().items().size());
        assertNotNull(source(Kind.FOLDER, "News"));
        Source science = source(Kind.FOLDER, "Science & Tech");
        assertEquals(2, science.children().size());
        assertEquals(44, source(Kind.ALL, "All articles").unread());
        // the newest sample article is minutes old, whatever day the test runs
        assertTrue(Format.ago(model.list().items().get(0).row().when(), java.time.Instant.now(), java.time.ZoneId.systemDefault()).endsWith("minutes ago"));
        model.list().show(science);
        assertEquals(16, model.list().items().size());
    }

    @Test
    void openingAnArticleShowsItsPageMarksItReadAndFindsTheSameStory() {
        model.start(null);
        model.installSample(null);
        long id = lib.articles().find("northgate-tech-2026-1116-01").orElseThrow().id();
        model.open(id);
        assertTrue(model.reader().pageProperty().get().contains("SecureGate"));
        assertFalse(model.reader().pageProperty().get().contains("<script"));
        assertTrue(lib.articles().get(id).orElseThrow().read());
        assertTrue(model.list().items().get(model.list().indexOf(id)).row().read(), "the row shows it read without a reload");
        List<ReaderModel.RelatedItem> related = model.reader().related();
        assertFalse(related.isEmpty());
        long same = related.stream().filter(ReaderModel.RelatedItem::sameStory).count();
        assertTrue(same >= 5, "the flaw is covered by five sources; same-story entries: " + same);
        assertTrue(related.get(0).sameStory());
        assertTrue(related.get(0).why().stream().anyMatch(w -> w.contains("SecureGate") || w.contains("Velmora") || w.contains("CVE")),
                "why names the story's names: " + related.get(0).why());
        assertTrue(model.reader().storyProperty().get().sources() >= 4);
        assertTrue(ReaderModel.sourcesLabel(model.reader().storyProperty().get()).startsWith("Same story \u00b7 "));
    }

    @Test
    void followingAStoryListsItUnderFollowedStories() {
        model.start(null);
        model.installSample(null);
        long id = lib.articles().find("civic-ledger-2026-1116-01").orElseThrow().id();
        model.open(id);
        model.reader().toggleFollow(null);
        assertTrue(model.reader().storyProperty().get().followed());
        model.list().show(source(Kind.FOLLOWED, "Followed stories"));
        assertTrue(model.list().items().size() >= 6, "the tram story's articles: " + model.list().items().size());
        assertTrue(model.list().items().stream().allMatch(i -> i.row().storyId() == model.reader().storyProperty().get().id()));
        MainModel.StoryView[] seen = new MainModel.StoryView[1];
        model.story(model.reader().storyProperty().get().id(), v -> seen[0] = v);
        assertEquals(model.list().items().size(), seen[0].entries().size());
        assertNotNull(lib.stories().lookedAt(seen[0].story().id()), "opening the story view marks it looked at");
    }

    @Test
    void searchShowsHighlightedResultsAndCanBeSaved() {
        model.start(null);
        model.installSample(null);
        model.list().search("tram");
        assertTrue(model.list().items().size() >= 6);
        assertTrue(model.list().captionProperty().get().contains("for \u201ctram\u201d"));
        assertTrue(model.list().items().stream().anyMatch(i -> i.marked() && i.snippet().contains("<b>")));
        model.saveSearch("Trams");
        Source saved = source(Kind.SEARCH, "Trams");
        assertNotNull(saved);
        model.list().search("");
        model.list().show(saved);
        assertEquals("tram", model.list().queryProperty().get());
        model.list().search("title:(");
        assertTrue(model.list().captionProperty().get().startsWith("Cannot search"));
    }

    @Test
    void readingStateStarsAndRetention() {
        model.start(null);
        model.installSample(null);
        var first = model.list().items().get(0).row();
        model.setStarred(first, true);
        assertTrue(model.list().items().get(0).row().starred());
        model.markAllRead();
        assertEquals(0, source(Kind.ALL, "All articles").unread());
        model.setRead(model.list().items().get(1).row(), false);
        assertEquals(1, source(Kind.ALL, "All articles").unread());
        // retention of 1 day keeps starred articles and today's
        int gone = lib.articles().deleteOlderThan(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        assertTrue(gone > 10);
        assertTrue(lib.articles().get(first.id()).isPresent());
    }

    @Test
    void refreshReportsFailingFeedsAndProgress() {
        lib.feeds().add(server.url("/a.xml"), null, null);
        lib.feeds().add(server.url("/dead.xml"), "Dead Feed", null);
        model.start(null);
        model.refresh();
        assertFalse(model.refreshing().runningProperty().get());
        assertEquals(1.0, model.refreshing().progressProperty().get());
        assertTrue(model.statusProperty().get().contains("1 feed failed"), model.statusProperty().get());
        Source dead = source(Kind.FEED, "Dead Feed");
        assertNotNull(dead.error(), "the failing feed carries its reason for the icon's tooltip");
        assertTrue(dead.error().contains("500"), dead.error());
        assertEquals(2, model.list().items().size());
    }

    @Test
    void preferencesAndFoldersPersist() {
        model.start(null);
        model.savePreferences(new Preferences(15, 30, Preferences.Theme.DARK, 18, true));
        assertEquals(new Preferences(15, 30, Preferences.Theme.DARK, 18, true), Preferences.from(lib.settings().all()));
        model.sources().addFolder("World", null);
        Source world = source(Kind.FOLDER, "World");
        model.sources().renameFolder(world.id(), "Abroad");
        assertNotNull(source(Kind.FOLDER, "Abroad"));
        model.sources().addFolder("bad/name", null);
        assertTrue(model.statusProperty().get().contains("cannot"));
    }
}
