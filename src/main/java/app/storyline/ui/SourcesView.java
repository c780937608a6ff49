package app.storyline.ui;

import app.storyline.ui.SourcesModel.Kind;
import app.storyline.ui.SourcesModel.Source;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The sources tree: smart entries, saved searches, folders (drag feeds and folders onto them) and feeds. */
final class SourcesView {
    static final DataFormat DRAGGED = new DataFormat("application/x-storyline-source");

    private final SourcesModel model;
    private final TreeView<Source> tree = new TreeView<>();
    private final Consumer<Source> onSelect;
    private boolean rebuilding;

    SourcesView(SourcesModel model, Consumer<Source> onSelect) {
        this.model = model;
        this.onSelect = onSelect;
        tree.setId("sources");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setAccessibleText("Sources: smart lists, saved searches, folders and feeds");
        tree.setCellFactory(v -> new SourceCell());
        // Rebuilding the tree (new unread counts) selects the same entry again: that is not a new choice.
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (rebuilding || now == null || now.getValue() == null || now.getValue().kind() == Kind.SEARCHES) return;
            onSelect.accept(now.getValue());
        });
        model.roots().addListener((ListChangeListener<Source>) c -> rebuild());
    }

    TreeView<Source> node() {
        return tree;
    }

    /** Rebuilds the tree, keeping the selection and which folders are open. */
    private void rebuild() {
        Source selected = tree.getSelectionModel().getSelectedItem() == null ? null : tree.getSelectionModel().getSelectedItem().getValue();
        java.util.Set<String> closed = new java.util.HashSet<>();
        collectClosed(tree.getRoot(), closed);
        TreeItem<Source> root = new TreeItem<>();
        for (Source s : model.roots()) root.getChildren().add(item(s, closed));
        rebuilding = true;
        try {
            tree.setRoot(root);
            if (selected != null) select(selected.kind(), selected.id());
        } finally {
            rebuilding = false;
        }
    }

    /** Folders the person closed stay closed across reloads; new ones open. */
    private static void collectClosed(TreeItem<Source> item, java.util.Set<String> closed) {
        for (TreeItem<Source> c : item.getChildren()) {
            if (!c.isLeaf() && !c.isExpanded() && c.getValue() != null) closed.add(c.getValue().kind() + ":" + c.getValue().id());
            collectClosed(c, closed);
        }
    }

    private static TreeItem<Source> item(Source s, java.util.Set<String> closed) {
        TreeItem<Source> t = new TreeItem<>(s);
        for (Source c : s.children()) t.getChildren().add(item(c, closed));
        t.setExpanded(!closed.contains(s.kind() + ":" + s.id()));
        return t;
    }

    /** Selects an entry by kind and id; false when there is none (the feed was deleted, say). */
    boolean select(Kind kind, long id) {
        TreeItem<Source> found = find(tree.getRoot(), kind, id);
        if (found == null) return false;
        if (tree.getSelectionModel().getSelectedItem() != found) tree.getSelectionModel().select(found);
        return true;
    }

    /** Shows an entry as selected without choosing it again (its articles are already listed). */
    void mark(Source s) {
        if (s == null) return;
        rebuilding = true;
        try {
            select(s.kind(), s.id());
        } finally {
            rebuilding = false;
        }
    }

    private static TreeItem<Source> find(TreeItem<Source> at, Kind kind, long id) {
        for (TreeItem<Source> c : at.getChildren()) {
            if (c.getValue() != null && c.getValue().kind() == kind && c.getValue().id() == id) return c;
            TreeItem<Source> deeper = find(c, kind, id);
            if (deeper != null) return deeper;
        }
        return null;
    }

    /** Moves the selection to the next (or previous) feed with unread articles: n and p. */
    void nextUnread(int step) {
        List<TreeItem<Source>> flat = new java.util.ArrayList<>();
        flatten(tree.getRoot(), flat);
        int at = flat.indexOf(tree.getSelectionModel().getSelectedItem());
        for (int i = 1; i <= flat.size(); i++) {
            TreeItem<Source> c = flat.get(Math.floorMod(at + step * i, flat.size()));
            if (c.getValue().kind() == Kind.FEED && c.getValue().unread() > 0) {
                tree.getSelectionModel().select(c);
                tree.scrollTo(tree.getRow(c));
                return;
            }
        }
    }

    private static void flatten(TreeItem<Source> at, List<TreeItem<Source>> out) {
        for (TreeItem<Source> c : at.getChildren()) {
            out.add(c);
            flatten(c, out);
        }
    }

    private final class SourceCell extends TreeCell<Source> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final Label warn = new Label("\u26a0");
        private final Region grow = new Region();
        private final HBox box = new HBox(6, warn, name, grow, count);

        SourceCell() {
            // Cells as wide as the pane: a long feed name is cut short, its unread count stays in view.
            setPrefWidth(0);
            name.setMinWidth(0);
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(grow, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            count.getStyleClass().add("count");
            warn.getStyleClass().add("feed-error");
            setOnDragDetected(e -> {
                Source s = getItem();
                if (s == null || (s.kind() != Kind.FEED && s.kind() != Kind.FOLDER)) return;
                Dragboard db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(DRAGGED, s.kind() + ":" + s.id());
                db.setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(DRAGGED) && accepts(getItem())) e.acceptTransferModes(TransferMode.MOVE);
            });
            setOnDragDropped(e -> {
                String[] what = String.valueOf(e.getDragboard().getContent(DRAGGED)).split(":");
                Long target = getItem() == null || getItem().kind() != Kind.FOLDER ? null : getItem().id();
                long id = Long.parseLong(what[1]);
                if (what[0].equals("FEED")) model.moveFeed(id, target);
                else if (target == null || target != id) model.moveFolder(id, target);
                e.setDropCompleted(true);
            });
        }

        /** A drop lands in a folder, or at the top level when dropped on a top-level feed or empty space. */
        private boolean accepts(Source s) {
            return s == null || s.kind() == Kind.FOLDER || s.kind() == Kind.FEED;
        }

        @Override
        protected void updateItem(Source s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                setContextMenu(null);
                setTooltip(null);
                return;
            }
            name.setText(s.label());
            name.setStyle(s.kind() == Kind.FOLDER || s.isSmart() || s.kind() == Kind.SEARCHES ? "-fx-font-weight: bold;" : "");
            count.setText(s.unread() > 0 && s.kind() != Kind.STARRED ? String.valueOf(s.unread()) : "");
            warn.setVisible(s.error() != null);
            warn.setManaged(s.error() != null);
            setTooltip(s.error() != null ? new Tooltip("Last refresh failed: " + s.error()) : null);
            setAccessibleText(s.label() + (s.unread() > 0 ? ", " + s.unread() + " unread" : "") + (s.error() != null ? ", failing: " + s.error() : ""));
            setGraphic(box);
            setText(null);
            setContextMenu(menu(s));
        }

        private ContextMenu menu(Source s) {
            return switch (s.kind()) {
                case FOLDER -> new ContextMenu(
                        action("New folder inside…", () -> ask("New folder", "Name").ifPresent(n -> model.addFolder(n, s.id()))),
                        action("Rename folder…", () -> ask("Rename folder", s.label()).ifPresent(n -> model.renameFolder(s.id(), n))),
                        action("Move to top level", () -> model.moveFolder(s.id(), null)),
                        action("Delete folder (keeps its feeds)", () -> {
                            if (confirm("Delete the folder \u201c" + s.label() + "\u201d? Its feeds move up a level.")) model.deleteFolder(s.id());
                        }));
                case FEED -> new ContextMenu(
                        action("Rename feed…", () -> ask("Rename feed", s.label()).ifPresent(n -> model.renameFeed(s.id(), n))),
                        action("Move to top level", () -> model.moveFeed(s.id(), null)),
                        action("Unsubscribe…", () -> {
                            if (confirm("Unsubscribe from \u201c" + s.label() + "\u201d? Its articles are deleted too."))
                                model.unsubscribe(s.id(), () -> select(Kind.ALL, 0));
                        }));
                case SEARCH -> new ContextMenu(action("Remove saved search", () -> model.deleteSavedSearch(s.id())));
                default -> new ContextMenu(action("New folder…", () -> ask("New folder", "Name").ifPresent(n -> model.addFolder(n, null))));
            };
        }
    }

    private static MenuItem action(String text, Runnable r) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> r.run());
        return m;
    }

    static Optional<String> ask(String title, String initial) {
        TextInputDialog d = new TextInputDialog(initial.equals("Name") ? "" : initial);
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText("Name:");
        return d.showAndWait();
    }

    static boolean confirm(String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
