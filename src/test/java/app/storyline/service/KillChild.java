package app.storyline.service;

import java.nio.file.Path;

/**
 * The process {@link KillTest} kills: refreshes every feed of a data folder, printing "done FEED ADDED"
 * once a feed's articles are committed, or rebuilds the search index. Run with: refresh|reindex DIR.
 */
public final class KillChild {
    private KillChild() {}

    public static void main(String[] args) {
        try (Library lib = Library.open(Path.of(args[1]))) {
            if (args[0].equals("reindex")) {
                System.out.println("start");
                System.out.flush();
                lib.index().rebuild();
                System.out.println("reindexed");
                return;
            }
            System.out.println("start");
            System.out.flush();
            // the progress callback runs after the feed's write was committed (BatchWriter waits for it)
            lib.refresher().refresh(lib.feeds().all(), (r, done, total) -> {
                synchronized (System.out) {
                    System.out.println("done " + r.feedId() + " " + r.added() + " " + r.status());
                    System.out.flush();
                }
            });
            System.out.println("finished");
        }
    }
}
