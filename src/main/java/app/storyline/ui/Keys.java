package app.storyline.ui;

import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** The main window's keyboard: single-key commands (j, k, n, p, space, m, s, o, f, /, r, ?), Ctrl+F, F5, Escape. */
final class Keys {
    private final MainModel model;
    private final ArticleListView list;
    private final SourcesView sources;
    private final ReaderView reader;
    private final TextField search;
    private final Consumer<String> browser;
    private final Runnable toggleStar;
    private final Runnable shortcuts;

    Keys(MainModel model, ArticleListView list, SourcesView sources, ReaderView reader, TextField search,
         Consumer<String> browser, Runnable toggleStar, Runnable shortcuts) {
        this.model = model;
        this.list = list;
        this.sources = sources;
        this.reader = reader;
        this.search = search;
        this.browser = browser;
        this.toggleStar = toggleStar;
        this.shortcuts = shortcuts;
    }

    void install(Scene s) {
        KeyCombination find = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        s.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (find.match(e)) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            } else if (e.getCode() == KeyCode.F5) {
                model.refresh();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && s.getFocusOwner() == search) {
                search.clear();
                model.list().search("");
                list.list().requestFocus();
                e.consume();
            }
        });
        s.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (s.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) return;
            if (command(e.getCharacter())) e.consume();
        });
        // Keys the list would use for its own navigation are ours when typed as commands.
        s.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (s.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) return;
            if (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.J || e.getCode() == KeyCode.K) e.consume();
            if (e.getCode() == KeyCode.SPACE) command(" ");
        });
    }

    /** The single-key commands; true when the key was one. */
    boolean command(String key) {
        var selected = list.list().getSelectionModel().getSelectedItem();
        switch (key) {
            case "j" -> list.move(1);
            case "k" -> list.move(-1);
            case "n" -> sources.nextUnread(1);
            case "p" -> sources.nextUnread(-1);
            case " " -> pageDownThenNext();
            case "m" -> {
                if (selected != null) model.setRead(selected.row(), !selected.row().read());
            }
            case "s" -> toggleStar.run();
            case "o" -> {
                var a = model.reader().articleProperty().get();
                if (a != null && a.link() != null) browser.accept(a.link());
            }
            case "f" -> model.reader().toggleFollow(null);
            case "/" -> {
                search.requestFocus();
                search.selectAll();
            }
            case "r" -> model.refresh();
            case "?" -> shortcuts.run();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** space: the reader scrolls a page; at the end of the article, the next one opens. */
    private void pageDownThenNext() {
        var web = reader.web();
        Object atEnd = null;
        try {
            web.getEngine().setJavaScriptEnabled(true); // our own one-line query; the article's scripts are removed by the sanitiser
            atEnd = web.getEngine().executeScript("(window.innerHeight + window.scrollY) >= document.body.scrollHeight - 2");
            if (Boolean.FALSE.equals(atEnd)) web.getEngine().executeScript("window.scrollBy(0, window.innerHeight * 0.9)");
        } catch (RuntimeException e) {
            atEnd = Boolean.TRUE;
        } finally {
            web.getEngine().setJavaScriptEnabled(false);
        }
        if (!Boolean.FALSE.equals(atEnd)) list.move(1);
    }
}
