package app.storyline.ui;

import app.storyline.model.StoryEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A story on a timeline: every article with its source, those new since the last look marked. */
final class StoryDialog {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private StoryDialog() {}

    static Stage show(Window owner, MainModel.StoryView view, LongConsumer open) {
        ZoneId zone = ZoneId.systemDefault();
        Label title = new Label(ReaderModel.title(view.story()));
        title.getStyleClass().add("related-title");
        title.setWrapText(true);
        long fresh = view.entries().stream().filter(e -> isNew(e, view.lastLook())).count();
        Label meta = new Label(String.format(Locale.ENGLISH, "%d articles from %d sources, %s to %s%s%s", view.story().articles(),
                view.story().sources(), Format.ago(view.story().firstSeen(), Instant.now(), zone), Format.ago(view.story().lastSeen(), Instant.now(), zone),
                view.story().followed() ? " \u00b7 followed" : "", fresh > 0 ? " \u00b7 " + fresh + " new since you last looked" : ""));
        meta.getStyleClass().add("row-source");
        ListView<StoryEntry> list = new ListView<>();
        list.setId("story-timeline");
        list.getItems().setAll(view.entries());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StoryEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    return;
                }
                Label when = new Label(e.published() == null ? "" : WHEN.format(e.published().atZone(zone)));
                when.getStyleClass().add("row-time");
                when.setMinWidth(130);
                Label dot = new Label("\u25cf");
                dot.getStyleClass().add(isNew(e, view.lastLook()) ? "timeline-new" : "timeline-dot");
                Label source = new Label(e.feed() == null ? "" : e.feed());
                source.getStyleClass().add("row-source");
                Label headline = new Label((e.title() == null ? "(untitled)" : e.title()) + (e.stored() ? "" : "  (deleted; outline kept)"));
                headline.getStyleClass().add("row-title");
                headline.setWrapText(true);
                Label badge = new Label(isNew(e, view.lastLook()) ? "new" : "");
                badge.getStyleClass().add(isNew(e, view.lastLook()) ? "story-badge" : "none");
                Region grow = new Region();
                HBox.setHgrow(grow, Priority.ALWAYS);
                VBox text = new VBox(2, new HBox(6, source, grow, badge), headline);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(10, when, dot, text);
                row.setAlignment(Pos.TOP_LEFT);
                row.setPrefWidth(1);
                setGraphic(row);
                setAccessibleText((isNew(e, view.lastLook()) ? "New. " : "") + headline.getText() + ", " + source.getText() + ", " + when.getText());
            }
        });
        VBox box = new VBox(8, title, meta, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(14));
        Stage stage = Dialogs.window(owner, "Story", box, 720, 520);
        Runnable openSelected = () -> {
            StoryEntry e = list.getSelectionModel().getSelectedItem();
            if (e != null && e.stored()) {
                open.accept(e.articleId());
                stage.close();
            }
        };
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openSelected.run();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected.run();
        });
        return stage;
    }

    /** New to the person: joined after their last look (everything is, the first time). */
    static boolean isNew(StoryEntry e, Instant lastLook) {
        return e.stored() && (lastLook == null ? e.flagged() : e.joined() != null && e.joined().isAfter(lastLook));
    }
}
