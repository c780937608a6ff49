package app.storyline.ui;

import app.storyline.model.ArticleRow;
import app.storyline.ui.ArticleListModel.Item;
import app.storyline.ui.ArticleListModel.Order;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The article list: caption, unread filter and sort on top; one virtualised row per article below. */
final class ArticleListView {
    private final ArticleListModel model;
    private final ListView<Item> list;
    private final BorderPane root;

    /** {@code open} is the id of the article the reader shows (or -1): selecting its row again does not reopen it. */
    ArticleListView(ArticleListModel model, Consumer<Item> onOpen, java.util.function.LongSupplier open,
                    java.util.function.BooleanSupplier readOnScroll, Consumer<ArticleRow> markRead) {
        this.model = model;
        list = new ListView<>(model.items());
        list.setId("articles");
        list.setAccessibleText("Articles");
        list.setCellFactory(v -> new RowCell());
        // A row replaced in place (now read, say) or found again after a reload is the same article: it is
        // not opened again. After a reload the open article's row is selected again.
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.row().id() != open.getAsLong()) onOpen.accept(now);
        });
        model.items().addListener((javafx.collections.ListChangeListener<Item>) c -> {
            long id = open.getAsLong();
            if (id < 0 || list.getSelectionModel().getSelectedItem() != null) return;
            int at = model.indexOf(id);
            if (at >= 0) list.getSelectionModel().select(at);
        });
        markScrolledPast(readOnScroll, markRead);
        Label caption = new Label();
        caption.setId("list-caption");
        caption.getStyleClass().add("caption");
        caption.textProperty().bind(model.captionProperty());
        caption.setMinWidth(0);
        javafx.scene.control.Tooltip full = new javafx.scene.control.Tooltip();
        full.textProperty().bind(model.captionProperty());
        caption.setTooltip(full);
        ToggleButton unread = new ToggleButton("Unread");
        unread.setAccessibleText("Show unread articles only");
        unread.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        unread.setId("unread-only");
        unread.setFocusTraversable(true);
        unread.selectedProperty().addListener((o, was, now) -> {
            if (now != model.unreadOnlyProperty().get()) model.setUnreadOnly(now);
        });
        ComboBox<Order> sort = new ComboBox<>();
        sort.setId("sort");
        sort.getItems().setAll(Order.values());
        sort.setValue(model.orderProperty().get());
        sort.setAccessibleText("Sort by");
        sort.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sort.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Order o) {
                return o == null ? "" : o == Order.DATE ? "Newest" : "Relevance";
            }

            @Override
            public Order fromString(String s) {
                return null;
            }
        });
        sort.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != model.orderProperty().get()) model.setOrder(now);
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, caption, grow, unread, sort);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 10));
        bar.getStyleClass().add("pane-header");
        root = new BorderPane(list);
        root.setTop(bar);
    }

    Node node() {
        return root;
    }

    /**
     * The "mark read as I scroll past" setting: rows that leave the top of the list as it moves down are
     * marked read. Watched on the list's scroll bar, so the wheel, the keyboard and dragging all count.
     */
    private void markScrolledPast(java.util.function.BooleanSupplier enabled, Consumer<ArticleRow> markRead) {
        int[] passed = {0};
        model.items().addListener((javafx.collections.ListChangeListener<Item>) c -> passed[0] = 0);
        Runnable check = () -> {
            if (!enabled.getAsBoolean()) return;
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
            if (flow == null || flow.getFirstVisibleCell() == null) return;
            int first = flow.getFirstVisibleCell().getIndex();
            for (int i = passed[0]; i < first && i < list.getItems().size(); i++) {
                ArticleRow r = list.getItems().get(i).row();
                if (!r.read()) markRead.accept(r);
            }
            passed[0] = Math.max(passed[0], first);
        };
        list.skinProperty().addListener((o, was, skin) -> javafx.application.Platform.runLater(() -> {
            for (Node n : list.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    bar.valueProperty().addListener((x, before, now) -> javafx.application.Platform.runLater(check));
                }
            }
        }));
    }

    ListView<Item> list() {
        return list;
    }

    /** j / k: the next or previous article. */
    void move(int step) {
        int size = list.getItems().size();
        if (size == 0) return;
        int at = list.getSelectionModel().getSelectedIndex();
        int to = at < 0 ? 0 : Math.max(0, Math.min(size - 1, at + step));
        list.getSelectionModel().clearAndSelect(to);
        list.scrollTo(Math.max(0, to - 3));
    }

    private static final class RowCell extends ListCell<Item> {
        private final Label source = new Label();
        private final Label when = new Label();
        private final Label badge = new Label();
        private final Label star = new Label("\u2605");
        private final Label title = new Label();
        private final Label snippet = new Label();
        private final TextFlow marked = new TextFlow();
        private final VBox box;

        RowCell() {
            source.getStyleClass().add("row-source");
            source.setMinWidth(0);
            when.getStyleClass().add("row-time");
            when.setMinWidth(Region.USE_PREF_SIZE);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.getStyleClass().add("story-badge");
            star.getStyleClass().add("row-star");
            title.getStyleClass().add("row-title");
            title.setMaxWidth(Double.MAX_VALUE);
            snippet.getStyleClass().add("row-snippet");
            marked.getStyleClass().add("row-snippet");
            marked.setMaxHeight(20);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox top = new HBox(6, source, badge, grow, star, when);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, title, snippet);
            box.setPadding(new Insets(5, 4, 5, 4));
            // Bound to the cell's width so that headlines wrap to two lines instead of widening the list.
            setPrefWidth(0);
            box.prefWidthProperty().bind(widthProperty().subtract(24));
            box.maxWidthProperty().bind(widthProperty().subtract(24));
        }

        @Override
        protected void updateItem(Item it, boolean empty) {
            super.updateItem(it, empty);
            if (empty || it == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            ArticleRow r = it.row();
            source.setText(r.source());
            when.setText(Format.ago(r.when(), Instant.now(), ZoneId.systemDefault()));
            badge.setText(r.storySources() > 1 ? r.storySources() + " sources" : "");
            badge.setVisible(r.storySources() > 1);
            star.setVisible(r.starred());
            title.setText(r.title() == null || r.title().isBlank() ? "(untitled)" : r.title());
            title.getStyleClass().remove("unread");
            if (!r.read()) title.getStyleClass().add("unread");
            if (it.marked()) {
                fill(marked, it.snippet());
                box.getChildren().set(2, marked);
            } else {
                snippet.setText(it.snippet());
                box.getChildren().set(2, snippet);
            }
            setAccessibleText((r.read() ? "" : "Unread. ") + title.getText() + ". " + r.source() + ", " + when.getText()
                    + (r.storySources() > 1 ? ". Story covered by " + r.storySources() + " sources" : ""));
            setGraphic(box);
        }

        /** A search snippet: escaped text with {@code <b>} around the matched words. */
        static void fill(TextFlow flow, String html) {
            flow.getChildren().clear();
            String s = org.jsoup.parser.Parser.unescapeEntities(html.replace("<b>", "\u0001").replace("</b>", "\u0002"), false);
            boolean bold = false;
            int shown = 0; // about two lines of the list: the rest is for the reader
            StringBuilder run = new StringBuilder();
            for (int i = 0; i <= s.length(); i++) {
                char c = i < s.length() ? s.charAt(i) : '\u0001';
                if (c == '\u0001' || c == '\u0002' || i == s.length()) {
                    if (run.length() > 0) {
                        Text t = new Text(run.toString());
                        t.getStyleClass().add(bold ? "hit" : "snippet-text");
                        flow.getChildren().add(t);
                        run.setLength(0);
                    }
                    bold = c == '\u0001';
                } else if (shown++ < 150) {
                    run.append(c == '\n' ? ' ' : c);
                } else if (shown == 152) {
                    run.append('\u2026');
                }
            }
        }
    }
}
