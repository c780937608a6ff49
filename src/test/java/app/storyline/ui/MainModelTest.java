package app.storyline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.Items;
import app.storyline.LoopbackServer;
import app.storyline.service.Library;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        model = new MainModel(lib, SAME_THREAD, SAME_THREAD);
    }

    @AfterEach
    void stop() {
        lib.close();
        server.close();
    }

    @Test
    void emptyLibraryExplainsWhatToDo() {
        model.load();
        assertTrue(model.feeds().isEmpty());
        assertTrue(model.statusProperty().get().startsWith("No subscriptions yet"));
    }

    @Test
    void refreshFillsFeedsAndArticlesAndReportsFailures() {
        lib.feeds().add(server.url("/a.xml"), null, null);
        lib.feeds().add(server.url("/dead.xml"), null, null);
        model.refresh();
        assertEquals(2, model.feeds().size());
        assertEquals(2, model.articles().size());
        assertEquals("Refreshed 2 feeds: 2 new articles, 1 feeds failed (see the feed list)", model.statusProperty().get());
        assertEquals("HTTP 500 Internal Server Error", model.feeds().get(1).fetch().lastError());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void selectingAFeedAndAnArticle() {
        lib.feeds().add(server.url("/a.xml"), null, null);
        model.refresh();
        model.selectFeed(model.feeds().get(0).feed().id());
        assertEquals(2, model.articles().size());
        model.selectArticle(model.articles().get(0));
        assertTrue(model.articleTextProperty().get().contains("zebras"), model.articleTextProperty().get());
    }
}
