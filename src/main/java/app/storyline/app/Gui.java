package app.storyline.app;

import app.storyline.service.Library;
import app.storyline.ui.MainWindow;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: opens the library and shows the main window. */
public final class Gui extends Application {
    private static Path dataDir;
    private Library library;

    static void launch(Path dir) {
        dataDir = dir;
        Application.launch(Gui.class);
    }

    @Override
    public void start(Stage stage) {
        try {
            library = Library.open(dataDir);
        } catch (RuntimeException e) {
            MainWindow.showFatal(stage, "Storyline cannot open its data folder", e.getMessage());
            return;
        }
        new MainWindow(library).show(stage);
    }

    @Override
    public void stop() {
        if (library != null) library.close();
        Platform.exit();
    }
}
