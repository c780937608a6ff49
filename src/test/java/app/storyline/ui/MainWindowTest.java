package app.storyline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.Items;
import app.storyline.LoopbackServer;
import app.storyline.service.Library;
import app.storyline.service.Preferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window driven headless with keyboard and mouse, on a real library: welcome, the sample library,
 * reading, the Related pane, search, following, the story view, settings, subscribe, feed health.
 * Writes the screenshots under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    Path dir;
    LoopbackServer server;
    Library lib;
    MainModel model;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("storyline-ui");
        server = new LoopbackServer()
                .on("/a.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", Items.rss("World News", "a1", "a2", "a3")))
                .on("/page.html", ex -> LoopbackServer.send(ex, 200, "text/html",
                        "<html><head><link rel=alternate type=application/rss+xml title='World' href='/a.xml'></head><body>hi</body></html>"));
        lib = Library.open(dir);
        // Work runs on the FX thread in tests: deterministic, and results still go through runLater.
        model = new MainModel(lib, Runnable::run, Runnable::run, Runnable::run, Platform::runLater);
        window = new MainWindow(model);
        this.stage = stage;
        stage.setScene(window.scene(1400, 860));
        stage.setTitle("Storyline");
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        for (Window w : Window.getWindows().stream().toList()) {
            if (w != stage && w instanceof Stage s) Platform.runLater(s::close);
        }
        WaitForAsyncUtils.waitForFxEvents();
        lib.close();
        server.close();
    }

    private static void until(BooleanSupplier condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        assertTrue(condition.getAsBoolean(), what);
    }

    private void shot(FxRobot robot, Node node, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(node, name));
    }

    private void sample(FxRobot robot) throws Exception {
        robot.interact(() -> window.start());
        until(() -> model.welcomeProperty().get(), "welcome on an empty library");
        robot.clickOn("#welcome-sample");
        until(() -> model.list().items().size() == 44, "the sample library is listed");
    }

    @Test
    void firstRunWelcomeThenSampleLibraryReadWithRelatedPane(FxRobot robot) throws Exception {
        robot.interact(() -> window.start());
        until(() -> model.welcomeProperty().get(), "welcome on an empty library");
        shot(robot, stage.getScene().getRoot(), "welcome");
        robot.clickOn("#welcome-sample");
        until(() -> model.list().items().size() == 44, "the sample library is listed");
        assertFalse(robot.lookup("#welcome").query().isVisible());

        // keyboard: j opens the first article, the Related pane fills in
        robot.clickOn("#articles");
        robot.type(KeyCode.J);
        until(() -> model.reader().articleProperty().get() != null, "j opens an article");
        until(() -> !model.reader().related().isEmpty(), "related articles appear");
        long firstOpened = model.reader().articleProperty().get().id();
        robot.type(KeyCode.J);
        until(() -> model.reader().articleProperty().get().id() != firstOpened, "j again opens the next one");
        assertTrue(lib.articles().get(firstOpened).orElseThrow().read(), "opening marks read");
        // the Velmora story has five sources: open its first report from the list
        long id = lib.articles().find("northgate-tech-2026-1116-01").orElseThrow().id();
        robot.interact(() -> model.open(id));
        until(() -> model.reader().storyProperty().get() != null && model.reader().related().stream().anyMatch(ReaderModel.RelatedItem::sameStory),
                "same story shown");
        Label same = robot.lookup("#same-story").queryAs(Label.class);
        assertTrue(same.getText().startsWith("Same story \u00b7 "), same.getText());
        assertEquals("Related Articles", robot.lookup("#related-header").queryAs(Label.class).getText());
        assertEquals(model.reader().related().size(), robot.lookup(".related-entry").queryAll().size(), "one entry per related article");
        assertTrue(model.reader().related().size() >= 5, () -> "related: " + model.reader().related());
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS); // the WebView lays out the page
        shot(robot, stage.getScene().getRoot(), "main-light");

        // a click on a related entry opens it
        long before = model.reader().articleProperty().get().id();
        robot.clickOn((Node) robot.lookup(".related-entry").nth(0).query());
        until(() -> model.reader().articleProperty().get().id() != before, "the related entry opened");

        // f follows the story, which then has a timeline (focus the list without clicking a row: that would open it)
        robot.interact(() -> window.listView().list().requestFocus());
        robot.type(KeyCode.F);
        until(() -> model.reader().storyProperty().get() != null && model.reader().storyProperty().get().followed(), "f follows");
        robot.clickOn("#story");
        until(() -> robot.lookup("#story-timeline").tryQuery().isPresent(), "story view opens");
        ListView<?> timeline = robot.lookup("#story-timeline").queryAs(ListView.class);
        assertTrue(timeline.getItems().size() >= 5);
        shot(robot, timeline.getScene().getRoot(), "story");
    }

    @Test
    void searchAsYouTypeWithSlashAndSaveIt(FxRobot robot) throws Exception {
        sample(robot);
        robot.interact(() -> window.listView().list().requestFocus());
        robot.type(KeyCode.SLASH);
        until(() -> robot.lookup("#search").queryAs(TextField.class).isFocused(), "/ focuses the search field");
        robot.write("lunar lander");
        until(() -> robot.lookup("#list-caption").queryAs(Label.class).getText().contains("lunar lander"), "results as you type");
        assertTrue(model.list().items().stream().anyMatch(ArticleListModel.Item::marked), () -> model.list().items().toString());
        robot.clickOn("#articles");
        robot.type(KeyCode.J);
        until(() -> model.reader().articleProperty().get() != null, "a result opens");
        shot(robot, stage.getScene().getRoot(), "search");
        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        until(() -> robot.lookup("#search").queryAs(TextField.class).isFocused(), "Ctrl+F focuses the search field");
        robot.type(KeyCode.ESCAPE);
        until(() -> model.list().items().size() == 44, "Escape leaves the search");
    }

    @Test
    void settingsSwitchToDarkAndPersist(FxRobot robot) throws Exception {
        sample(robot);
        robot.interact(window::settings);
        until(() -> robot.lookup("#settings-theme").tryQuery().isPresent(), "settings open");
        shot(robot, robot.lookup("#settings-theme").query().getScene().getRoot(), "settings");
        robot.interact(() -> robot.lookup("#settings-theme").queryAs(javafx.scene.control.ComboBox.class).setValue(Preferences.Theme.DARK));
        robot.clickOn("#settings-save");
        until(() -> model.preferencesProperty().get().theme() == Preferences.Theme.DARK, "dark theme chosen");
        assertEquals("dark", lib.settings().all().get("theme"));
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("dark"));
        long id = lib.articles().find("meridian-wire-2026-1116-01").orElseThrow().id();
        robot.interact(() -> model.open(id));
        until(() -> !model.reader().related().isEmpty(), "related shown");
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        shot(robot, stage.getScene().getRoot(), "main-dark");
        robot.interact(() -> model.savePreferences(Preferences.defaults()));
    }

    @Test
    void subscribeThroughAWebPageThenFeedHealth(FxRobot robot) throws Exception {
        robot.interact(() -> window.start());
        until(() -> model.welcomeProperty().get(), "welcome");
        robot.clickOn("#welcome-subscribe");
        until(() -> robot.lookup("#subscribe-url").tryQuery().isPresent(), "subscribe dialog");
        robot.clickOn("#subscribe-url").write(server.url("/page.html"));
        robot.clickOn("#subscribe-preview");
        until(() -> !robot.lookup("#subscribe-items").queryAs(ListView.class).getItems().isEmpty(), "the page's feed is previewed");
        assertTrue(robot.lookup("#subscribe-message").queryAs(Label.class).getText().contains("World News"));
        shot(robot, robot.lookup("#subscribe-url").query().getScene().getRoot(), "subscribe");
        robot.clickOn("#subscribe-confirm");
        until(() -> model.list().items().size() == 3, "subscribed and stored");
        assertFalse(model.welcomeProperty().get());
        lib.feeds().add(server.url("/missing.xml"), "Missing Feed", null);
        robot.type(KeyCode.F5);
        until(() -> model.statusProperty().get().contains("1 feed failed"), "refresh reports the failure");
        robot.interact(window::health);
        until(() -> robot.lookup("#health").tryQuery().isPresent(), "feed health opens");
        var table = robot.lookup("#health").queryAs(javafx.scene.control.TableView.class);
        assertEquals(2, table.getItems().size());
        shot(robot, table.getScene().getRoot(), "feed-health");
        assertNotNull(window.sourcesView());
    }

    @Test
    void scrollingPastArticlesMarksThemReadWhenAsked(FxRobot robot) throws Exception {
        sample(robot);
        robot.interact(() -> model.savePreferences(new Preferences(0, 0, Preferences.Theme.LIGHT, 15, true)));
        // the wheel scrolls the list's VirtualFlow by pixels; the headless robot's wheel does not reach it
        robot.interact(() -> ((javafx.scene.control.skin.VirtualFlow<?>) window.listView().list().lookup(".virtual-flow")).scrollPixels(600));
        assertTrue(window.listView().list().getSelectionModel().isEmpty(), "nothing was opened");
        until(() -> model.list().items().get(0).row().read(), "the first rows scrolled past are read");
        long read = model.list().items().stream().filter(i -> i.row().read()).count();
        assertTrue(read >= 3 && read < 44, "only the rows scrolled past: " + read);
    }

    @Test
    void shortcutOverlayListsEveryKey(FxRobot robot) throws Exception {
        sample(robot);
        robot.clickOn("#articles");
        robot.write("?");
        until(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && "Keyboard shortcuts".equals(s.getTitle())), "? shows the shortcuts");
    }
}
