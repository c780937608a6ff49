package app.storyline.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** First run: three ways in. */
final class WelcomeView {
    private final VBox root;

    WelcomeView(Runnable subscribe, Runnable importOpml, Runnable sample) {
        Label title = new Label("Welcome to Storyline");
        title.getStyleClass().add("welcome-title");
        Label text = new Label("News you keep, search and follow, offline. Start with your own feeds, bring your subscriptions "
                + "from another reader, or look around a small sample library first: no network needed.");
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add("welcome-text");
        Button add = new Button("Add a feed or a website\u2026");
        add.setId("welcome-subscribe");
        add.setOnAction(e -> subscribe.run());
        Button opml = new Button("Import an OPML file\u2026");
        opml.setId("welcome-import");
        opml.setOnAction(e -> importOpml.run());
        Button explore = new Button("Explore the sample library");
        explore.setId("welcome-sample");
        explore.getStyleClass().add("accent");
        explore.setDefaultButton(true);
        explore.setOnAction(e -> sample.run());
        for (Button b : new Button[] {add, opml, explore}) {
            b.setMaxWidth(320);
            b.setPrefWidth(320);
        }
        Label note = new Label("Five fictional news sources covering four developing stories: try search, the Related pane and following a story.");
        note.setWrapText(true);
        note.setMaxWidth(420);
        note.getStyleClass().add("note");
        note.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        root = new VBox(14, title, text, explore, note, add, opml);
        var icon = WelcomeView.class.getResourceAsStream("/ui/storyline.png");
        if (icon != null) {
            javafx.scene.image.ImageView logo = new javafx.scene.image.ImageView(new javafx.scene.image.Image(icon, 96, 96, true, true));
            logo.setAccessibleText("Storyline");
            root.getChildren().add(0, logo);
        }
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(40));
        root.setId("welcome");
        root.getStyleClass().add("welcome");
    }

    Node node() {
        return root;
    }
}
