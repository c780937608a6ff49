package app.storyline.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.service.Library;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedEngineTest {
    @TempDir Path dir;
    Library lib;
    StoryFixture news;

    @BeforeEach
    void open() {
        lib = Library.open(dir);
        news = new StoryFixture(lib);
    }

    @AfterEach
    void close() {
        lib.close();
    }

    private List<Long> ranked(String guid, int k) {
        return lib.related(null).related(news.ids.get(guid), k).stream().map(RelatedEngine.Related::articleId).toList();
    }

    private long id(String guid) {
        return news.ids.get(guid);
    }

    @Test
    void theSameStoryComesFirstThenTheSameKindOfEventThenNothingUnrelated() {
        List<RelatedEngine.Related> r = lib.related(null).related(id("nhs-bbc"), 8);
        assertEquals(Set.of(id("nhs-guardian"), id("nhs-reuters")), Set.of(r.get(0).articleId(), r.get(1).articleId()),
                "the other two sources of the story first: " + r);
        assertTrue(r.get(0).sameStory() && r.get(1).sameStory());
        List<Long> order = r.stream().map(RelatedEngine.Related::articleId).toList();
        int hardNegative = order.indexOf(id("citrix-germany"));
        assertTrue(hardNegative < 0 || hardNegative >= 2, "an attack elsewhere ranks after the story: " + order);
        assertFalse(order.contains(id("rushdie")), "an interview with Salman Rushdie is not related: " + order);
        assertFalse(order.contains(id("parole")), order.toString());
    }

    @Test
    void theReasonNamesWhatTheArticlesShare() {
        RelatedEngine.Related top = lib.related(null).related(id("nhs-bbc"), 3).get(0);
        assertTrue(top.why().containsAll(List.of("Ivanti", "EclecticIQ")) || top.why().contains("Ivanti"), top.why().toString());
        assertTrue(top.why().stream().allMatch(w -> !w.isBlank()));
    }

    @Test
    void timeSeparatesTwoEarthquakesYearsApart() {
        Instant y2017 = Instant.parse("2017-09-19T18:14:00Z");
        news.add("AP", "quake-2017", "Magnitude 7.1 earthquake strikes central Mexico, buildings collapse",
                "A powerful earthquake of magnitude 7.1 struck central Mexico, collapsing buildings in Mexico City and Puebla.", y2017);
        news.add("CNN", "quake-2017-b", "Deadly quake topples buildings in Mexico City",
                "Rescuers searched collapsed buildings in Mexico City after a 7.1 magnitude earthquake hit central Mexico.", y2017.plusSeconds(7200));
        news.add("AP", "quake-2022", "Magnitude 7.6 earthquake strikes western Mexico, buildings damaged",
                "A strong earthquake of magnitude 7.6 struck western Mexico, damaging buildings in Colima and Michoacan.",
                Instant.parse("2022-09-19T18:05:00Z"));
        List<Long> order = ranked("quake-2017", 5);
        assertEquals(id("quake-2017-b"), order.get(0), order.toString());
        RelatedEngine engine = lib.related(null);
        assertTrue(engine.storyOf(id("quake-2017")) == engine.storyOf(id("quake-2017-b")));
        assertTrue(engine.storyOf(id("quake-2017")) != engine.storyOf(id("quake-2022")), "five years apart: two stories");
    }

    @Test
    void headlineOnlyItemsStillRelate() {
        news.add("Feed A", "h1", "Apple unveils new iPhone with satellite messaging", null, 1);
        news.add("Feed B", "h2", "New iPhone gets satellite messaging, Apple says", null, 2);
        news.add("Feed C", "h3", "Tesla cuts prices in China again", null, 2);
        assertEquals(id("h2"), ranked("h1", 3).get(0));
    }

    @Test
    void wireCopiesInTwoFeedsCollapseIntoOneEntry() {
        String wire = "Two NHS trusts were compromised by a China-linked hacking group that abused a vulnerability in Ivanti's Connect "
                + "Secure product, according to researchers at EclecticIQ. NHS England is investigating.";
        news.add("Yahoo News", "nhs-wire-copy", "NHS trusts hit by China-linked hackers exploiting Ivanti software", wire, 7);
        List<RelatedEngine.Related> r = lib.related(null).related(id("nhs-bbc"), 8);
        long guardian = id("nhs-guardian");
        long copy = id("nhs-wire-copy");
        RelatedEngine.Related entry = r.stream().filter(x -> x.articleId() == guardian || x.articleId() == copy).findFirst().orElseThrow();
        assertEquals(1, r.stream().filter(x -> x.articleId() == guardian || x.articleId() == copy).count(), "one entry: " + r);
        assertEquals(List.of(entry.articleId() == guardian ? copy : guardian), entry.alsoIn());
    }

    @Test
    void aFeedInAnotherLanguageWorks() {
        var de = lib.feeds().add("https://zeitung.example/feed", "Zeitung", null);
        lib.db().write(c -> {
            app.storyline.store.FeedStore.saveMeta(c, de.id(), null, null, "de");
            return null;
        });
        news.add("Zeitung", "de1", "Hochwasser in Bayern: Tausende Menschen evakuiert",
                "Nach tagelangem Regen mussten in Bayern tausende Menschen ihre Häuser verlassen. Die Pegel steigen weiter.", 1);
        news.add("Zeitung", "de2", "Bayern: Evakuierungen wegen Hochwasser gehen weiter",
                "Wegen des Hochwassers wurden in Bayern weitere Menschen evakuiert, die Pegelstände bleiben hoch.", 3);
        assertEquals(id("de2"), ranked("de1", 3).get(0));
    }

    @Test
    void anUnknownArticleHasNoRelated() {
        assertEquals(List.of(), lib.related(null).related(424242L, 5));
    }
}
