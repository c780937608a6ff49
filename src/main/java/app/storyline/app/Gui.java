package app.storyline.app;

import app.storyline.service.Library;
import app.storyline.ui.MainWindow;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: opens the library and shows the main window. */
public final class Gui extends Application {
    private static Path dataDir;
    private Library library;
    private Map<String, String> settings = Map.of();
    private String failure;

    static void launch(Path dir) {
        dataDir = dir;
        Application.launch(Gui.class);
    }

    /** Runs on the launcher thread, before the FX thread shows anything: the disk work happens here. */
    @Override
    public void init() {
        try {
            library = Library.open(dataDir);
            settings = library.settings().all();
        } catch (RuntimeException e) {
            failure = e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) {
        var icon = Gui.class.getResourceAsStream("/ui/storyline.png");
        if (icon != null) stage.getIcons().add(new Image(icon));
        if (library == null) {
            MainWindow.showFatal(stage, "Storyline cannot open its data folder", failure);
            return;
        }
        new MainWindow(library, url -> getHostServices().showDocument(url)).show(stage, settings);
    }

    @Override
    public void stop() {
        if (library != null) library.close();
        Platform.exit();
    }
}
