package app.storyline.ui;

import app.storyline.model.Article;
import app.storyline.model.Story;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * The reader: the article's sanitised page in a WebView with JavaScript off, and its actions. A click on
 * a link never navigates inside the app: the load is cancelled and the link goes to the system browser.
 */
final class ReaderView {
    private final ReaderModel model;
    private final Consumer<String> openExternal;
    private final StackPane body;
    private WebView web; // made after the window shows: the first WebView loads WebKit, 1.5 s
    private final BorderPane root;
    private final Button star = new Button("\u2606 Star");
    private final Button follow = new Button("Follow story");
    private final Button images = new Button("Load images");
    private final javafx.scene.control.Tooltip followTip = new javafx.scene.control.Tooltip("Collect and flag new articles about this story (f)");

    ReaderView(ReaderModel model, Consumer<String> openExternal, Runnable toggleStar, Runnable showStory) {
        this.model = model;
        this.openExternal = openExternal;
        model.pageProperty().addListener((o, was, now) -> web().getEngine().loadContent(now == null ? "" : now));

        star.setId("star");
        star.setOnAction(e -> toggleStar.run());
        follow.setId("follow");
        follow.setOnAction(e -> model.toggleFollow(null));
        Button story = new Button("Timeline");
        story.setId("story");
        story.setOnAction(e -> showStory.run());
        images.setId("show-images");
        images.setOnAction(e -> model.allowImages());
        for (Button b : new Button[] {star, follow, story, images}) {
            b.getStyleClass().add("flat");
        }
        follow.setTooltip(followTip);
        star.setTooltip(new javafx.scene.control.Tooltip("Star: keep it however old it gets (s)"));
        story.setTooltip(new javafx.scene.control.Tooltip("Every article of this story on a timeline"));
        images.setTooltip(new javafx.scene.control.Tooltip("Load this feed's images from now on (remote content is off by default)"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // "Open original" is also the page's own link and the o key; the bar keeps what fits a narrow reader.
        HBox bar = new HBox(4, star, follow, story, grow, images);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0); // the reader may be narrower than its actions: they are clipped, not the divider pushed
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("pane-header");

        Label empty = new Label("Select an article to read it here.");
        empty.getStyleClass().add("placeholder");
        body = new StackPane(empty);
        empty.visibleProperty().bind(model.articleProperty().isNull());
        bar.disableProperty().bind(model.articleProperty().isNull());

        root = new BorderPane(body);
        root.setTop(bar);
        model.articleProperty().addListener((o, was, a) -> update());
        model.storyProperty().addListener((o, was, s) -> update());
        story.disableProperty().bind(model.storyProperty().isNull());
    }

    private void update() {
        Article a = model.articleProperty().get();
        star.setText(a != null && a.starred() ? "\u2605 Starred" : "\u2606 Star");
        images.setManaged(a != null && !model.imagesShown());
        Story s = model.storyProperty().get();
        follow.setDisable(s == null);
        follow.setText(s != null && s.followed() ? "\u2713 Following" : "Follow story");
        images.setVisible(a != null && !model.imagesShown());
    }

    void starChanged(boolean starred) {
        star.setText(starred ? "\u2605 Starred" : "\u2606 Star");
    }

    Node node() {
        return root;
    }

    /** The page's view, made on first use. */
    WebView web() {
        if (web != null) return web;
        web = new WebView();
        web.setId("reader");
        web.setAccessibleText("Article text");
        web.setContextMenuEnabled(false);
        WebEngine engine = web.getEngine();
        engine.setJavaScriptEnabled(false);
        engine.locationProperty().addListener((o, was, now) -> {
            if (now == null || now.isEmpty() || now.equals("about:blank")) return;
            // A link was followed: stop it, show our page again, and hand http(s) links to the browser.
            Platform.runLater(() -> {
                if (engine.getLoadWorker().getState() == Worker.State.RUNNING || engine.getLoadWorker().getState() == Worker.State.SCHEDULED) {
                    engine.getLoadWorker().cancel();
                }
                engine.loadContent(model.pageProperty().get());
            });
            if (now.startsWith("https://") || now.startsWith("http://") || now.startsWith("mailto:")) openExternal.accept(now);
        });
        web.visibleProperty().bind(model.articleProperty().isNotNull());
        body.getChildren().add(0, web);
        return web;
    }
}
