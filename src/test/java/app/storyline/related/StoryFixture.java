package app.storyline.related;

import app.storyline.model.Feed;
import app.storyline.model.ParsedItem;
import app.storyline.service.Library;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small library of our own: one story told by three sources, an attack of the same kind elsewhere
 * (the hard negative), related coverage, and unrelated news of the same day.
 */
final class StoryFixture {
    static final Instant DAY = Instant.parse("2025-06-10T08:00:00Z");
    final Map<String, Long> ids = new HashMap<>();
    final Library lib;

    /**
     * Everyday news around the stories, so that words like "hackers", "hospital", "flaw" or "through" are
     * as common as they are in a real library and names carry the weight they carry there.
     */
    private static final String[] SUBJECTS = {"Hackers", "Council officials", "Hospital managers", "Police", "Fans", "Investors",
        "Teachers", "Farmers", "Engineers", "Ministers", "Residents", "Doctors"};
    private static final String[] ACTIONS = {"worked through the night on", "warned about a flaw in", "breached the budget for",
        "said they would review", "complained about", "welcomed the news about", "queued for hours at", "raised money for",
        "voted against", "found problems with"};
    private static final String[] THINGS = {"the new bridge", "the local hospital car park", "a school building", "the town's water supply",
        "a football stadium", "the bus timetable", "a flood defence scheme", "the annual festival", "a housing project",
        "the railway station", "the shopping centre", "a broadband rollout"};

    StoryFixture(Library lib) {
        this.lib = lib;
        for (int i = 0; i < 60; i++) {
            String subject = SUBJECTS[i % SUBJECTS.length];
            String action = ACTIONS[(i * 7) % ACTIONS.length];
            String thing = THINGS[(i * 5) % THINGS.length];
            String other = THINGS[(i * 11 + 3) % THINGS.length];
            add("Local " + (i % 6), "filler-" + i, subject + " " + action + " " + thing,
                    subject + " " + action + " " + thing + " on " + (i % 28 + 1) + " May. Residents said " + other
                            + " was also affected and that hackers, a hospital and a flaw were the least of their worries.", -24 - i);
        }
        add("BBC News", "nhs-bbc", "Chinese state hackers breached two NHS hospitals through Ivanti flaw",
                "Hackers linked to the Chinese state breached the networks of two NHS hospital trusts by exploiting a flaw in Ivanti "
                        + "remote access software, the security firm EclecticIQ said. The NHS said patient care was not affected.", 0);
        add("The Guardian", "nhs-guardian", "NHS trusts hit by China-linked hackers exploiting Ivanti software",
                "Two NHS trusts were compromised by a China-linked hacking group that abused a vulnerability in Ivanti's Connect Secure "
                        + "product, according to researchers at EclecticIQ. NHS England is investigating.", 2);
        add("Reuters", "nhs-reuters", "Ivanti vulnerability used to breach UK hospitals, EclecticIQ says",
                "A Chinese espionage group used an Ivanti flaw to break into two British NHS hospitals, EclecticIQ researchers said on "
                        + "Tuesday, adding that the intrusions began in January.", 5);
        add("Der Spiegel English", "citrix-germany", "Russian hackers breach German hospital through Citrix flaw",
                "Hackers linked to Russia breached a hospital in Düsseldorf by exploiting a flaw in Citrix remote access software, "
                        + "German authorities said. Emergency patients were diverted.", 3);
        add("Heise", "citrix-germany-2", "Düsseldorf hospital hit by Citrix exploit, Russian group suspected",
                "The university hospital in Düsseldorf was attacked through a Citrix vulnerability; investigators suspect a Russian "
                        + "criminal group. Operations were postponed.", 6);
        add("Sky News", "synnovis", "Synnovis ransomware attack disrupts NHS blood tests in London",
                "A ransomware attack on the pathology firm Synnovis has disrupted blood tests and operations at London NHS hospitals, "
                        + "with the Qilin gang blamed.", 4);
        add("Evening Standard", "parole", "Gangland figure refused parole after board review",
                "The Parole Board refused to release the gangland figure, saying he still posed a risk to the public.", 1);
        add("Bucks Herald", "police", "Police officer hurt in Buckinghamshire crash",
                "A police officer was taken to hospital after a crash on the A41 in Buckinghamshire on Monday night.", 1);
        add("The Times", "rushdie", "Salman Rushdie on freedom, knives and his new novel",
                "In a long interview, Salman Rushdie talks about freedom of speech, the attack on him and his new novel.", 2);
    }

    /** The fixture already stored, over the same data folder opened again. */
    StoryFixture(Library lib, Map<String, Long> ids) {
        this.lib = lib;
        this.ids.putAll(ids);
    }

    Feed feed(String name) {
        return lib.feeds().add("https://" + name.toLowerCase().replaceAll("[^a-z]+", "-") + ".example/feed", name, null);
    }

    long add(String feedName, String guid, String title, String text, int hoursLater) {
        return add(feedName, guid, title, text, DAY.plusSeconds(3600L * hoursLater));
    }

    long add(String feedName, String guid, String title, String text, Instant when) {
        ParsedItem item = new ParsedItem(guid, "https://news.example/" + guid, title, null, text == null ? null : "<p>" + text + "</p>",
                null, when, null, List.of(), List.of());
        long id = lib.articles().save(feed(feedName).id(), List.of(item), when).added().get(0);
        ids.put(guid, id);
        return id;
    }
}
