package app.storyline.ui;

import app.storyline.model.Story;
import app.storyline.ui.ReaderModel.RelatedItem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.LongConsumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * "Related Articles" beside the reader: first the same story from other sources, then related coverage.
 * Each entry shows source, relative time, headline, two lines of snippet and why, as small chips.
 */
final class RelatedView {
    private final ReaderModel model;
    private final LongConsumer open;
    private final VBox entries = new VBox(2);
    private final Label state = new Label();
    private final ScrollPane root;

    RelatedView(ReaderModel model, LongConsumer open) {
        this.model = model;
        this.open = open;
        Label header = new Label("Related Articles");
        header.setId("related-header");
        header.getStyleClass().add("related-title");
        state.setId("related-state");
        state.getStyleClass().add("placeholder");
        state.setWrapText(true);
        state.textProperty().bind(model.relatedStatusProperty());
        state.managedProperty().bind(state.textProperty().isNotEmpty());
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        VBox box = new VBox(8, header, state, entries);
        box.setPadding(new Insets(12, 12, 12, 12));
        box.getStyleClass().add("related-pane");
        root = new ScrollPane(box);
        root.setId("related");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setAccessibleText("Related articles");
        model.related().addListener((ListChangeListener<RelatedItem>) c -> rebuild());
        model.storyProperty().addListener((o, was, now) -> rebuild());
    }

    Node node() {
        return root;
    }

    private void rebuild() {
        entries.getChildren().clear();
        Story story = model.storyProperty().get();
        boolean anySame = model.related().stream().anyMatch(RelatedItem::sameStory);
        if (anySame) {
            Label same = new Label(ReaderModel.sourcesLabel(story));
            same.setId("same-story");
            same.getStyleClass().add("related-section");
            Button follow = new Button(story != null && story.followed() ? "\u2713 Following" : "Follow this story");
            follow.setId("related-follow");
            follow.getStyleClass().addAll("small", "accent");
            follow.setOnAction(e -> model.toggleFollow(null));
            entries.getChildren().addAll(same, follow);
            for (RelatedItem it : model.related()) if (it.sameStory()) entries.getChildren().add(entry(it));
        }
        boolean anyOther = model.related().stream().anyMatch(it -> !it.sameStory());
        if (anyOther) {
            Label more = new Label("Related coverage");
            more.getStyleClass().add("related-section");
            if (anySame) VBox.setMargin(more, new Insets(10, 0, 0, 0));
            entries.getChildren().add(more);
            for (RelatedItem it : model.related()) if (!it.sameStory()) entries.getChildren().add(entry(it));
        }
    }

    private Node entry(RelatedItem it) {
        Label meta = new Label(it.row().source() + " \u00b7 " + Format.ago(it.row().when(), Instant.now(), ZoneId.systemDefault())
                + (it.alsoIn() > 0 ? " \u00b7 also in " + it.alsoIn() + " more" : ""));
        meta.getStyleClass().add("row-source");
        meta.setWrapText(true);
        Label title = new Label(it.row().title() == null ? "(untitled)" : it.row().title());
        title.getStyleClass().add("related-headline");
        title.setWrapText(true);
        Label snippet = new Label(it.snippet());
        snippet.getStyleClass().add("row-snippet");
        snippet.setWrapText(true);
        FlowPane chips = new FlowPane(4, 4);
        for (String w : it.why()) {
            Label chip = new Label(w);
            chip.getStyleClass().add("chip");
            chips.getChildren().add(chip);
        }
        // A focusable box acting as a button: a Button's graphic would not let the labels wrap to the pane's width.
        VBox box = new VBox(3, meta, title, snippet, chips);
        box.getStyleClass().add("related-entry");
        box.setFocusTraversable(true);
        box.setAccessibleRole(AccessibleRole.BUTTON);
        box.setAccessibleText("Related: " + title.getText() + ", " + meta.getText() + ". Shared: " + String.join(", ", it.why()));
        box.setOnMouseClicked(e -> open.accept(it.row().id()));
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                open.accept(it.row().id());
                e.consume();
            }
        });
        return box;
    }
}
