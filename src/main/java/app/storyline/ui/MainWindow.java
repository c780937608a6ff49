package app.storyline.ui;

import app.storyline.service.Library;
import app.storyline.service.Preferences;
import app.storyline.ui.SourcesModel.Source;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window: sources | article list | reader with its Related pane, a toolbar with subscribe,
 * refresh (and its progress) and search, notifications on top, status at the bottom. Nodes only: the
 * state and commands are {@link MainModel}'s.
 */
public final class MainWindow {
    private final MainModel model;
    private final ExecutorService[] executors;
    private final Consumer<String> browser;
    private Stage stage;
    private Scene scene;
    private SourcesView sources;
    private ArticleListView list;
    private ReaderView reader;
    private TextField search;
    private SplitPane columns;
    private SplitPane readerSplit;
    private Timeline autoRefresh;

    public MainWindow(Library library, Consumer<String> browser) {
        ExecutorService io = single("storyline-io");
        ExecutorService similar = single("storyline-related");
        ExecutorService net = single("storyline-refresh");
        this.executors = new ExecutorService[] {io, similar, net};
        this.model = new MainModel(library, io, similar, net, Platform::runLater);
        this.browser = browser;
    }

    MainWindow(MainModel model) {
        this.model = model;
        this.executors = new ExecutorService[0];
        this.browser = url -> model.say("Would open " + url);
    }

    private static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Shows the window at the size saved last time ({@code state}: the settings, read before the FX thread started). */
    public void show(Stage stage, Map<String, String> state) {
        show(stage, state, null);
    }

    /** As {@link #show(Stage, Map)}; {@code ready} runs once the first articles are on screen. */
    public void show(Stage stage, Map<String, String> state, Runnable ready) {
        this.stage = stage;
        stage.setTitle("Storyline");
        stage.setScene(scene(number(state.get("window.width"), 1280), number(state.get("window.height"), 800)));
        stage.setOnHidden(e -> {
            model.saveState(windowState());
            // shutdown, not shutdownNow: an interrupt inside Lucene I/O would close the index under its writer.
            for (ExecutorService x : executors) x.shutdown();
        });
        stage.show();
        model.start(state, () -> started(ready));
    }

    /** Builds the scene; {@link #start} loads the data. Tests call both without a saved state. */
    Scene scene(double width, double height) {
        scene = new Scene(build(), width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("/ui/storyline.css").toExternalForm());
        new Keys(model, list, sources, reader, search, browser, this::toggleStar, this::shortcuts).install(scene);
        applyLook(model.preferencesProperty().get());
        model.preferencesProperty().addListener((o, was, now) -> {
            applyLook(now);
            schedule(now);
        });
        return scene;
    }

    void start() {
        start(null);
    }

    void start(Runnable ready) {
        model.start(() -> started(ready));
    }

    private void started(Runnable ready) {
        restoreState(model.savedState());
        if (ready != null) ready.run();
        Platform.runLater(reader::web); // WebKit loads once the articles are on screen
        schedule(model.preferencesProperty().get());
        if (model.sources().feedCount() > 0 && model.preferencesProperty().get().refreshMinutes() > 0) model.refreshAutomatically();
    }

    BorderPane build() {
        sources = new SourcesView(model.sources(), model.list()::show);
        list = new ArticleListView(model.list(), it -> model.open(it.row().id()), () -> {
            var a = model.reader().articleProperty().get();
            return a == null ? -1 : a.id();
        }, () -> model.preferencesProperty().get().markReadOnScroll(), row -> model.setRead(row, true));
        reader = new ReaderView(model.reader(), browser, this::toggleStar, this::showStory);
        RelatedView related = new RelatedView(model.reader(), id -> {
            int at = model.list().indexOf(id);
            if (at >= 0) list.list().getSelectionModel().clearAndSelect(at);
            else model.open(id);
        });
        readerSplit = new SplitPane(reader.node(), related.node());
        readerSplit.setDividerPositions(0.64);
        columns = new SplitPane(sources.node(), list.node(), readerSplit);
        columns.setDividerPositions(0.15, 0.43);
        SplitPane.setResizableWithParent(sources.node(), false);

        VBox notices = new VBox(2);
        notices.setId("notifications");
        model.notifications().addListener((ListChangeListener<String>) c -> {
            notices.getChildren().clear();
            for (String n : model.notifications()) notices.getChildren().add(notice(n));
        });
        StackPane center = new StackPane(columns);
        WelcomeView welcome = new WelcomeView(this::subscribe, this::importOpml, () -> model.installSample(null));
        center.getChildren().add(welcome.node());
        welcome.node().visibleProperty().bind(model.welcomeProperty());
        columns.visibleProperty().bind(model.welcomeProperty().not());

        BorderPane root = new BorderPane(center);
        root.setId("main");
        root.setTop(new VBox(toolbar(), notices));
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(3, 10, 3, 10));
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add("status-bar");
        root.setBottom(status);
        return root;
    }

    private ToolBar toolbar() {
        Button subscribe = new Button("+ Subscribe");
        subscribe.setId("subscribe");
        subscribe.setOnAction(e -> subscribe());
        Button refresh = new Button("\u21bb Refresh");
        refresh.setId("refresh");
        refresh.setAccessibleText("Refresh all feeds (F5 or r)");
        refresh.disableProperty().bind(model.refreshing().runningProperty());
        refresh.setOnAction(e -> model.refresh());
        ProgressBar bar = new ProgressBar();
        bar.setId("refresh-progress");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(model.refreshing().progressProperty());
        Label progress = new Label();
        progress.setId("refresh-text");
        progress.textProperty().bind(model.refreshing().progressTextProperty());
        progress.setMaxWidth(260);
        HBox running = new HBox(6, bar, progress);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.refreshing().runningProperty());
        search = new TextField();
        search.setId("search");
        search.setPromptText("Search  ( / or Ctrl+F )");
        search.setAccessibleText("Search all articles");
        search.setPrefWidth(320);
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> model.list().search(search.getText()));
        search.textProperty().addListener((o, was, now) -> debounce.playFromStart());
        search.setOnAction(e -> {
            debounce.stop();
            model.list().search(search.getText());
        });
        Button save = new Button("Save search");
        save.setId("save-search");
        save.visibleProperty().bind(model.list().queryProperty().isNotEmpty());
        save.setOnAction(e -> SourcesView.ask("Save this search", model.list().queryProperty().get()).ifPresent(model::saveSearch));
        MenuButton menu = new MenuButton("\u2630");
        menu.setId("menu");
        menu.setAccessibleText("Menu");
        menu.getItems().addAll(item("Import OPML\u2026", this::importOpml), item("Export OPML\u2026", this::exportOpml),
                new SeparatorMenuItem(), item("Mark all read", model::markAllRead), item("Feed health\u2026", this::health),
                item("Settings\u2026", this::settings), item("Keyboard shortcuts  ?", this::shortcuts));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return new ToolBar(subscribe, refresh, running, grow, save, search, menu);
    }

    private static MenuItem item(String text, Runnable r) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> r.run());
        return m;
    }

    private HBox notice(String text) {
        Label l = new Label("\u2691  " + text);
        l.setWrapText(true);
        Button close = new Button("\u2715");
        close.getStyleClass().addAll("flat", "small");
        close.setAccessibleText("Dismiss");
        close.setOnAction(e -> model.notifications().remove(text));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(8, l, grow, close);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("notice");
        return box;
    }

    private void toggleStar() {
        var selected = list.list().getSelectionModel().getSelectedItem();
        if (selected == null) return;
        boolean now = !selected.row().starred();
        model.setStarred(selected.row(), now);
        reader.starChanged(now);
    }

    private void showStory() {
        var s = model.reader().storyProperty().get();
        if (s == null) return;
        model.story(s.id(), v -> StoryDialog.show(stage(), v, id -> {
            int at = model.list().indexOf(id);
            if (at >= 0) list.list().getSelectionModel().clearAndSelect(at);
            else model.open(id);
        }).show());
    }

    private javafx.stage.Window stage() {
        return scene == null ? null : scene.getWindow();
    }

    void subscribe() {
        Dialogs.subscribe(stage(), model).show();
    }

    void settings() {
        Dialogs.settings(stage(), model).show();
    }

    void health() {
        model.refreshing().health(feeds -> Dialogs.health(stage(), feeds).show());
    }

    void shortcuts() {
        Dialogs.shortcuts(stage()).show();
    }

    private void importOpml() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import subscriptions (OPML)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("OPML files", "*.opml", "*.xml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage());
        if (f == null) return;
        model.importOpml(f.toPath(), r -> {
            StringBuilder text = new StringBuilder(r.added() + (r.added() == 1 ? " feed" : " feeds") + " added.");
            if (!r.duplicates().isEmpty()) text.append("\n").append(r.duplicates().size()).append(" already subscribed, skipped.");
            for (String p : r.problems()) text.append("\n\u2022 ").append(p);
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, text.toString());
            alert.setHeaderText("Imported " + f.getName());
            alert.initOwner(stage());
            alert.show();
            if (r.added() > 0) model.refresh();
        });
    }

    private void exportOpml() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export subscriptions (OPML)");
        chooser.setInitialFileName("storyline-subscriptions.opml");
        File f = chooser.showSaveDialog(stage());
        if (f == null) return;
        model.exportOpml(f.toPath(), n -> model.say("Exported " + n + " feeds to " + f));
    }

    private void applyLook(Preferences p) {
        boolean dark = isDark(p.theme());
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (scene != null) {
            scene.getRoot().getStyleClass().remove("dark");
            if (dark) scene.getRoot().getStyleClass().add("dark");
            scene.getRoot().setStyle("-fx-font-size: " + Math.max(11, p.textSize() - 2) + "pt;");
        }
        model.reader().setLook(dark, p.textSize());
    }

    /** "System": GTK's dark variant when the desktop asks for it (JavaFX 21 cannot read the platform's preference). */
    static boolean isDark(Preferences.Theme theme) {
        if (theme == Preferences.Theme.DARK) return true;
        if (theme == Preferences.Theme.LIGHT) return false;
        String gtk = System.getenv("GTK_THEME");
        return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark");
    }

    private void schedule(Preferences p) {
        if (autoRefresh != null) autoRefresh.stop();
        if (p.refreshMinutes() <= 0) return;
        autoRefresh = new Timeline(new KeyFrame(Duration.minutes(p.refreshMinutes()), e -> {
            if (model.sources().feedCount() > 0) model.refreshAutomatically();
        }));
        autoRefresh.setCycleCount(Timeline.INDEFINITE);
        autoRefresh.play();
    }

    private Map<String, String> windowState() {
        Map<String, String> s = new HashMap<>();
        if (stage != null && !stage.isMaximized()) {
            s.put("window.width", String.valueOf((int) stage.getWidth()));
            s.put("window.height", String.valueOf((int) stage.getHeight()));
        }
        double[] d = columns.getDividerPositions();
        s.put("window.dividers", d[0] + "," + d[1] + "," + readerSplit.getDividerPositions()[0]);
        Source src = model.list().sourceProperty().get();
        if (src != null) s.put("selection.source", src.kind() + ":" + src.id());
        var a = model.reader().articleProperty().get();
        if (a != null) s.put("selection.article", String.valueOf(a.id()));
        return s;
    }

    private void restoreState(Map<String, String> s) {
        String[] d = s.getOrDefault("window.dividers", "").split(",");
        if (d.length == 3) {
            try {
                columns.setDividerPositions(Double.parseDouble(d[0]), Double.parseDouble(d[1]));
                readerSplit.setDividerPositions(Double.parseDouble(d[2]));
            } catch (NumberFormatException ignored) {
                // a hand-edited value: keep the defaults
            }
        }
        sources.mark(model.list().sourceProperty().get());
        long article = (long) number(s.get("selection.article"), -1);
        int at = model.list().indexOf(article);
        if (at >= 0) {
            list.list().getSelectionModel().clearAndSelect(at);
            list.list().scrollTo(Math.max(0, at - 3));
        }
    }

    private static double number(String v, double fallback) {
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
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

    MainModel model() {
        return model;
    }

    SourcesView sourcesView() {
        return sources;
    }

    ArticleListView listView() {
        return list;
    }
}
