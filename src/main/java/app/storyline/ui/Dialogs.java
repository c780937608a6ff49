package app.storyline.ui;

import app.storyline.feed.Discovery;
import app.storyline.model.FeedSummary;
import app.storyline.model.ParsedItem;
import app.storyline.service.Preferences;
import app.storyline.service.Subscriptions;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The small windows: subscribe, settings, feed health and the keyboard shortcuts. Nodes only. */
final class Dialogs {
    private Dialogs() {}

    static Stage window(Window owner, String title, Parent content, double w, double h) {
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
            s.initModality(Modality.WINDOW_MODAL);
        }
        s.setTitle(title);
        Scene scene = new Scene(content, w, h);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) s.close();
        });
        s.setScene(scene);
        return s;
    }

    /** Subscribe: a feed or page URL, a preview of the feed (or the page's feeds to choose from), then subscribe. */
    static Stage subscribe(Window owner, MainModel model) {
        TextField url = new TextField();
        url.setId("subscribe-url");
        url.setPromptText("https://example.com/feed.xml or a web page's address");
        url.setAccessibleText("Feed or web page address");
        TextField folder = new TextField();
        folder.setId("subscribe-folder");
        folder.setPromptText("Folder (optional), e.g. News/World");
        Button check = new Button("Preview");
        check.setId("subscribe-preview");
        check.setDefaultButton(true);
        Label message = new Label();
        message.setId("subscribe-message");
        message.setWrapText(true);
        ListView<String> items = new ListView<>();
        items.setId("subscribe-items");
        items.setPrefHeight(180);
        ListView<Discovery.Candidate> choices = new ListView<>();
        choices.setId("subscribe-choices");
        choices.setPrefHeight(120);
        choices.setVisible(false);
        choices.setManaged(false);
        choices.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Discovery.Candidate c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : (c.title() == null || c.title().isBlank() ? c.url() : c.title() + "  \u2014  " + c.url()));
            }
        });
        Button subscribe = new Button("Subscribe");
        subscribe.setId("subscribe-confirm");
        subscribe.setDisable(true);
        subscribe.getStyleClass().add("accent");
        SimpleStringProperty chosen = new SimpleStringProperty();
        Runnable preview = () -> {
            message.setText("Fetching " + url.getText().strip() + "…");
            subscribe.setDisable(true);
            items.getItems().clear();
            model.preview(url.getText(), p -> show(p, message, items, choices, subscribe, chosen), why -> message.setText(why));
        };
        check.setOnAction(e -> preview.run());
        choices.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> {
            if (c == null) return;
            url.setText(c.url());
            preview.run();
        });
        Stage stage = window(owner, "Subscribe", new VBox(), 560, 460);
        subscribe.setOnAction(e -> {
            subscribe.setDisable(true);
            message.setText("Subscribing…");
            model.subscribe(chosen.get(), folder.getText(), done -> stage.close(), message::setText);
        });
        HBox row = new HBox(6, url, check);
        HBox.setHgrow(url, Priority.ALWAYS);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(6, grow, cancel, subscribe);
        VBox box = new VBox(10, new Label("Add a feed by its address, or a web page's address to find its feeds."), row, folder,
                message, choices, items, buttons);
        box.setPadding(new Insets(16));
        VBox.setVgrow(items, Priority.ALWAYS);
        stage.getScene().setRoot(box);
        url.requestFocus();
        return stage;
    }

    private static void show(Subscriptions.Preview p, Label message, ListView<String> items, ListView<Discovery.Candidate> choices,
                             Button subscribe, SimpleStringProperty chosen) {
        if (p.feed() == null) {
            message.setText("This page links to " + p.choices().size() + " feeds. Choose one:");
            choices.getItems().setAll(p.choices());
            choices.setVisible(true);
            choices.setManaged(true);
            return;
        }
        chosen.set(p.url());
        List<ParsedItem> latest = p.feed().items().stream().limit(8).toList();
        message.setText("\u201c" + (p.feed().title() == null ? p.url() : p.feed().title()) + "\u201d \u2014 " + p.feed().items().size()
                + " items. The latest:");
        items.getItems().setAll(latest.stream().map(i -> (i.title() == null ? "(untitled)" : i.title())
                + (i.published() != null ? "  \u00b7  " + Format.ago(i.published(), java.time.Instant.now(), ZoneId.systemDefault()) : "")).toList());
        subscribe.setDisable(false);
    }

    /** Settings: refresh interval, retention, theme, text size, reading behaviour. */
    static Stage settings(Window owner, MainModel model) {
        Preferences p = model.preferencesProperty().get();
        Spinner<Integer> refresh = new Spinner<>(0, 1440, p.refreshMinutes(), 5);
        refresh.setId("settings-refresh");
        refresh.setEditable(true);
        refresh.setAccessibleText("Refresh every, minutes; 0 turns automatic refresh off");
        Spinner<Integer> retention = new Spinner<>(0, 36500, p.retentionDays(), 7);
        retention.setId("settings-retention");
        retention.setEditable(true);
        retention.setAccessibleText("Keep articles for, days; 0 keeps everything");
        ComboBox<Preferences.Theme> theme = new ComboBox<>();
        theme.setId("settings-theme");
        theme.getItems().setAll(Preferences.Theme.values());
        theme.setValue(p.theme());
        theme.setAccessibleText("Theme");
        Spinner<Integer> size = new Spinner<>(10, 32, p.textSize(), 1);
        size.setId("settings-text-size");
        size.setAccessibleText("Text size, points");
        CheckBox onScroll = new CheckBox("Mark articles read as I scroll past them in the list");
        onScroll.setId("settings-read-on-scroll");
        onScroll.setSelected(p.markReadOnScroll());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Refresh every (minutes, 0 = off)"), refresh);
        grid.addRow(1, new Label("Keep articles for (days, 0 = always)"), retention);
        grid.add(note("Starred articles and followed stories are always kept."), 1, 2);
        grid.addRow(3, new Label("Theme"), theme);
        grid.addRow(4, new Label("Text size (points)"), size);
        grid.add(onScroll, 0, 5, 2, 1);
        Button save = new Button("Save");
        save.setId("settings-save");
        save.setDefaultButton(true);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        VBox box = new VBox(14, grid);
        box.setPadding(new Insets(18));
        Stage stage = window(owner, "Settings", box, 520, 330);
        save.setOnAction(e -> {
            refresh.increment(0); // commits text typed into an editable spinner
            retention.increment(0);
            model.savePreferences(new Preferences(refresh.getValue(), retention.getValue(), theme.getValue(), size.getValue(), onScroll.isSelected()));
            stage.close();
        });
        cancel.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        box.getChildren().add(new HBox(6, grow, cancel, save));
        return stage;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("note");
        l.setWrapText(true);
        return l;
    }

    /** Feed health: each feed's last success, last error and HTTP status. */
    static Stage health(Window owner, List<FeedSummary> feeds) {
        TableView<FeedSummary> table = new TableView<>();
        table.setId("health");
        table.getItems().setAll(feeds);
        ZoneId zone = ZoneId.systemDefault();
        java.time.Instant now = java.time.Instant.now();
        table.getColumns().add(column("Feed", f -> f.feed().displayTitle(), 220));
        table.getColumns().add(column("Last success", f -> f.fetch().lastSuccess() == null ? "never" : Format.ago(f.fetch().lastSuccess(), now, zone), 130));
        table.getColumns().add(column("HTTP", f -> f.fetch().httpStatus() == 0 ? "\u2014" : String.valueOf(f.fetch().httpStatus()), 60));
        table.getColumns().add(column("Failures", f -> String.valueOf(f.fetch().failures()), 80));
        table.getColumns().add(column("Last error", f -> f.fetch().lastError() == null ? "" : f.fetch().lastError(), 330));
        table.setPlaceholder(new Label("No feeds yet"));
        long failing = feeds.stream().filter(f -> f.fetch().failures() > 0).count();
        Label summary = new Label(feeds.size() + " feeds, " + failing + " failing");
        VBox box = new VBox(8, summary, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return window(owner, "Feed health", box, 860, 420);
    }

    private static TableColumn<FeedSummary, String> column(String name, java.util.function.Function<FeedSummary, String> value, double width) {
        TableColumn<FeedSummary, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static final String[][] SHORTCUTS = {
        {"j / k", "next / previous article"}, {"n / p", "next / previous source with unread articles"},
        {"space", "page down, then the next article"}, {"m", "mark read / unread"}, {"s", "star / unstar"},
        {"o", "open the original in the browser"}, {"f", "follow / unfollow the story"}, {"/ or Ctrl+F", "search"},
        {"Escape", "leave the search"}, {"r or F5", "refresh all feeds"}, {"?", "this list"}};

    static Stage shortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("kbd");
            grid.addRow(i, key, new Label(SHORTCUTS[i][1]));
        }
        VBox box = new VBox(12, new Label("Keyboard shortcuts"), grid);
        box.getChildren().get(0).getStyleClass().add("related-title");
        box.setPadding(new Insets(18));
        box.setAlignment(Pos.TOP_LEFT);
        return window(owner, "Keyboard shortcuts", box, 440, 400);
    }
}
