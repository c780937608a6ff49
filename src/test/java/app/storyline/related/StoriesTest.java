package app.storyline.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.storyline.model.Story;
import app.storyline.model.StoryEntry;
import app.storyline.service.Library;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesTest {
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

    private long storyOf(String guid) {
        return lib.stories().storyOf(news.ids.get(guid)).flatMap(s -> lib.stories().resolve(s)).orElseThrow();
    }

    @Test
    void everyArticleJoinsAStoryAndTheStoryCountsItsSources() {
        lib.related(null);
        long nhs = storyOf("nhs-bbc");
        assertEquals(nhs, storyOf("nhs-guardian"));
        assertEquals(nhs, storyOf("nhs-reuters"));
        assertNotEquals(nhs, storyOf("citrix-germany"));
        assertNotEquals(nhs, storyOf("rushdie"));
        Story s = lib.stories().get(nhs).orElseThrow();
        assertEquals(3, s.articles());
        assertEquals(3, s.sources());
        assertEquals(StoryFixture.DAY, s.firstSeen());
        List<StoryEntry> timeline = lib.stories().timeline(nhs);
        assertEquals("Chinese state hackers breached two NHS hospitals through Ivanti flaw", timeline.get(0).title());
    }

    @Test
    void storyIdsStayStableAsStoriesGrow() {
        lib.related(null);
        long nhs = storyOf("nhs-bbc");
        long citrix = storyOf("citrix-germany");
        news.add("The Register", "nhs-register", "EclecticIQ: Chinese hackers used Ivanti bug against NHS hospitals",
                "Researchers at EclecticIQ say a Chinese state group exploited an Ivanti flaw to breach two NHS hospitals.", 8);
        lib.related(null); // a later run: the newcomer is grouped, nobody else moves
        assertEquals(nhs, storyOf("nhs-bbc"));
        assertEquals(nhs, storyOf("nhs-register"));
        assertEquals(citrix, storyOf("citrix-germany"));
        assertEquals(4, lib.stories().get(nhs).orElseThrow().articles());
    }

    @Test
    void aReopenedLibraryGroupsNewcomersIntoTheStoriesItHad() {
        lib.related(null);
        long nhs = storyOf("nhs-bbc");
        lib.close();
        lib = Library.open(dir); // the engine and the stories' centroids are rebuilt from the database
        news = new StoryFixture(lib, news.ids);
        news.add("The Register", "nhs-register", "EclecticIQ: Chinese hackers used Ivanti bug against NHS hospitals",
                "Researchers at EclecticIQ say a Chinese state group exploited an Ivanti flaw to breach two NHS hospitals.", 8);
        lib.related(null);
        assertEquals(nhs, storyOf("nhs-register"));
        assertEquals(4, lib.stories().get(nhs).orElseThrow().articles());
    }

    @Test
    void aMergedStoryIdLeadsToTheStoryItJoined() {
        lib.related(null);
        long nhs = storyOf("nhs-bbc");
        long citrix = storyOf("citrix-germany");
        long older = Math.min(nhs, citrix);
        long younger = Math.max(nhs, citrix);
        lib.db().write(c -> {
            app.storyline.store.StoryStore.merge(c, younger, older);
            return null;
        });
        assertEquals(older, lib.stories().resolve(younger).orElseThrow());
        assertEquals(older, storyOf("nhs-bbc"));
        assertEquals(older, storyOf("citrix-germany"));
    }

    @Test
    void followingFlagsNewArticlesAndKeepsTheSkeletonWhenArticlesGo() {
        lib.related(null);
        long nhs = storyOf("nhs-bbc");
        lib.stories().follow(nhs, true);
        long later = news.add("FT", "nhs-ft", "NHS hospital breach: Ivanti flaw exploited by Chinese group, EclecticIQ says",
                "The Chinese state-linked group exploited an Ivanti flaw to breach two NHS hospitals, EclecticIQ said.", 9);
        lib.related(null);
        Story s = lib.stories().get(nhs).orElseThrow();
        assertTrue(s.followed());
        assertEquals(1, s.unread(), "the newcomer is new to the follower");
        assertTrue(lib.stories().timeline(nhs).stream().anyMatch(e -> e.articleId() == later && e.flagged()));
        lib.articles().setRead(List.of(later), true);
        assertEquals(0, lib.stories().get(nhs).orElseThrow().unread());

        // Retention (here: unsubscribing every source) deletes the articles; the followed story is still told.
        for (String f : List.of("BBC News", "The Guardian", "Reuters", "FT")) lib.feeds().delete(news.feed(f).id());
        List<StoryEntry> outline = lib.stories().timeline(nhs);
        assertEquals(4, outline.size(), outline.toString());
        assertTrue(outline.stream().noneMatch(StoryEntry::stored));
        assertTrue(lib.stories().list(1, 0, true).stream().anyMatch(x -> x.id() == nhs));

        lib.stories().follow(nhs, false);
        assertTrue(lib.stories().list(1, 0, true).stream().noneMatch(x -> x.id() == nhs));
    }
}
