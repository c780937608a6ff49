package app.storyline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.Items;
import app.storyline.LoopbackServer;
import app.storyline.service.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    static Path dir;
    LoopbackServer server;
    Library lib;
    MainModel model;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("storyline-ui");
        server = new LoopbackServer()
                .on("/a.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", Items.rss("World News", "a1", "a2", "a3")))
                .on("/dead.xml", ex -> LoopbackServer.send(ex, 503, "text/plain", "down"));
        lib = Library.open(dir);
        lib.feeds().add(server.url("/a.xml"), null, null);
        lib.feeds().add(server.url("/dead.xml"), "Flaky Feed", null);
        // Same thread for work in tests keeps them deterministic; results still land on the FX thread.
        model = new MainModel(lib, Runnable::run, Platform::runLater);
        this.stage = stage;
        stage.setScene(new Scene(new MainWindow(model).build(), 1100, 640));
        stage.show();
    }

    @AfterEach
    void stop() {
        lib.close();
        server.close();
    }

    @Test
    void refreshShowsArticlesAndTheFailingFeed(FxRobot robot) throws Exception {
        robot.clickOn("#refresh");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> articles = robot.lookup("#articles").queryAs(ListView.class);
        assertEquals(3, articles.getItems().size());
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains("1 feeds failed"), status.getText());
        robot.interact(() -> articles.getSelectionModel().select(0));
        javafx.scene.control.TextArea reader = robot.lookup("#reader").queryAs(javafx.scene.control.TextArea.class);
        assertTrue(reader.getText().startsWith("Story a1"), reader.getText());
        Path shot = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene().getRoot(), "main-window")));
        assertTrue(Files.size(shot.toAbsolutePath()) > 1000);
    }
}
