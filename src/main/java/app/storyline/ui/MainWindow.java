package app.storyline.ui;

import app.storyline.model.Article;
import app.storyline.model.FeedSummary;
import app.storyline.service.Library;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The main window: feeds on the left, their articles in the middle, the article on the right. Nodes only. */
public final class MainWindow {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final MainModel model;
    private final ExecutorService background;

    public MainWindow(Library library) {
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "storyline-background");
            t.setDaemon(true);
            return t;
        });
        this.model = new MainModel(library, background, Platform::runLater);
    }

    MainWindow(MainModel model) {
        this.model = model;
        this.background = null;
    }

    public void show(Stage stage) {
        stage.setTitle("Storyline");
        stage.setScene(new Scene(build(), 1200, 760));
        stage.setOnHidden(e -> {
            // shutdown, not shutdownNow: an interrupt inside Lucene I/O would close the index under its writer.
            if (background != null) background.shutdown();
        });
        stage.show();
        model.load();
    }

    BorderPane build() {
        ListView<FeedSummary> feeds = new ListView<>(model.feeds());
        feeds.setId("feeds");
        feeds.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FeedSummary s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                String error = s.fetch().lastError();
                setText(s.feed().displayTitle() + (s.unread() > 0 ? "  (" + s.unread() + ")" : "") + (error != null ? "  ⚠ " + error : ""));
            }
        });
        feeds.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectFeed(now == null ? null : now.feed().id()));

        ListView<Article> articles = new ListView<>(model.articles());
        articles.setId("articles");
        articles.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Article a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : WHEN.format(a.when().atZone(ZoneId.systemDefault())) + "  "
                        + a.feedTitle() + "\n" + (a.title() == null ? "(untitled)" : a.title()));
            }
        });
        articles.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectArticle(now));

        TextArea reader = new TextArea();
        reader.setId("reader");
        reader.setEditable(false);
        reader.setWrapText(true);
        reader.textProperty().bind(model.articleTextProperty());

        SplitPane split = new SplitPane(feeds, articles, reader);
        split.setDividerPositions(0.22, 0.55);

        Button refresh = new Button("Refresh");
        refresh.setId("refresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));

        BorderPane root = new BorderPane(split);
        root.setTop(new ToolBar(refresh));
        root.setBottom(status);
        return root;
    }

    /** A window that only explains why Storyline cannot start. */
    public static void showFatal(Stage stage, String title, String detail) {
        Label text = new Label(title + "\n\n" + detail);
        text.setWrapText(true);
        text.setPadding(new Insets(24));
        stage.setTitle("Storyline");
        stage.setScene(new Scene(text, 560, 200));
        stage.show();
    }
}
