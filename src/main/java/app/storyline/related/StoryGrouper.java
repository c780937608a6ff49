package app.storyline.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Single-pass story detection, as in Topic Detection and Tracking (Allan et al., 1998): articles come
 * in time order; each is compared with the centroids of the stories its nearest grouped articles belong
 * to (cosine with the mean of their unit TF-IDF vectors, times the time factor against the story's
 * latest article) and joins the closest when that reaches {@link #JOIN}, else starts a story. Centroids,
 * not single members, keep a story from chaining into its neighbours. An article that is also that
 * close to a second story's centroid ({@link #MERGE}) shows the two were one story: they merge.
 */
final class StoryGrouper {
    /**
     * The centroid cosine (× time factor) at which an article joins a story. One constant for all news:
     * fine-grained events (ECB+, long texts) want it higher, broad stories told in headlines (UCI)
     * lower, and an attack of the same kind elsewhere scores about 0.2 against a story (see README).
     */
    static final double JOIN = 0.25;
    /** Merging asks for more evidence than joining: two stories are rarely one by accident. */
    static final double MERGE = 0.35;
    /** Grouping needs the nearest few, not a ranking: fewer terms and postings than related articles use. */
    static final int QUERY_TERMS = 32;
    static final int POSTINGS = 4000;
    /** How many of an article's nearest grouped articles nominate candidate stories. */
    static final int NOMINEES = 20;

    /** Where an article goes: {@code story} (-1 for a new one), stories to merge into it, its nearest articles. */
    record Choice(long story, List<Long> merge, int[] nearest) {}

    /** A story's summed unit vectors, as sorted term ids and weights (merged on every join). */
    private static final class Centroid {
        int[] terms = new int[0];
        double[] weights = new double[0];
        double norm2;
        long last;

        double get(int term) {
            int i = Arrays.binarySearch(terms, term);
            return i >= 0 ? weights[i] : 0;
        }

        /** Adds a vector given as sorted terms and weights; returns the dot product before adding. */
        double add(int[] t, double[] w) {
            double dot = 0;
            int[] nt = new int[terms.length + t.length];
            double[] nw = new double[nt.length];
            int i = 0, j = 0, k = 0;
            while (i < terms.length || j < t.length) {
                if (j == t.length || i < terms.length && terms[i] < t[j]) {
                    nt[k] = terms[i];
                    nw[k++] = weights[i++];
                } else if (i == terms.length || t[j] < terms[i]) {
                    nt[k] = t[j];
                    nw[k++] = w[j++];
                } else {
                    dot += weights[i] * w[j];
                    nt[k] = terms[i];
                    nw[k++] = weights[i++] + w[j++];
                }
            }
            terms = Arrays.copyOf(nt, k);
            weights = Arrays.copyOf(nw, k);
            return dot;
        }
    }

    private final RelatedIndex index;
    private final Map<Long, Centroid> stories = new HashMap<>();
    private float[] scratch = new float[0];
    private int[] touched = new int[0];

    StoryGrouper(RelatedIndex index) {
        this.index = index;
    }

    /**
     * Chooses the story for {@code slot} among those of the grouped articles ({@code grouped} says which);
     * {@code storyOf} gives their stories.
     */
    Choice choose(int slot, IntPredicate grouped, java.util.function.IntToLongFunction storyOf) {
        if (scratch.length < index.size()) {
            scratch = new float[index.size() * 2];
            touched = new int[index.size() * 2];
        }
        RelatedIndex.Query q = index.query(slot);
        int[] hits = index.cosines(q, RelatedEngine.CANDIDATE_DF_SHARE, QUERY_TERMS, POSTINGS, scratch, touched);
        long t0 = index.time(slot);
        TopK nearAll = new TopK(3 * RelatedEngine.NEIGHBOURS);
        TopK nearGrouped = new TopK(NOMINEES);
        for (int d : hits) {
            double cos = scratch[d];
            scratch[d] = 0;
            // The time factor is at most 1: an article whose cosine cannot beat either list's k-th is
            // skipped before its time and story are looked up (most of them, at 100k articles).
            if (d == slot || cos <= Math.min(nearAll.floor(), nearGrouped.floor())) continue;
            double sim = cos * RelatedEngine.timeFactor(t0, index.time(d));
            nearAll.offer(d, sim);
            if (grouped.test(d)) nearGrouped.offer(d, sim);
        }
        // The nearest articles (kept for re-ranking related articles) by their exact cosine.
        TopK exact = new TopK(RelatedEngine.NEIGHBOURS);
        for (int d : nearAll.drainSlots(null)) exact.offer(d, index.cosine(q, d) * RelatedEngine.timeFactor(t0, index.time(d)));
        int[] nearest = exact.drainSlots(null);

        double[] unit = unit(slot);
        int[] unitTerms = index.terms(slot);
        Map<Long, Double> scores = new HashMap<>();
        for (int d : nearGrouped.drainSlots(null)) {
            long s = storyOf.applyAsLong(d);
            scores.computeIfAbsent(s, id -> {
                Centroid c = stories.get(id);
                return c == null ? 0 : cosine(unitTerms, unit, c) * RelatedEngine.timeFactor(t0, c.last);
            });
        }
        long best = -1;
        double bestScore = 0;
        for (var e : scores.entrySet()) {
            if (e.getValue() > bestScore || e.getValue() == bestScore && e.getKey() < best) {
                bestScore = e.getValue();
                best = e.getKey();
            }
        }
        if (bestScore < JOIN) return new Choice(-1, List.of(), nearest);
        List<Long> merge = new ArrayList<>();
        for (var e : scores.entrySet()) if (e.getKey() != best && e.getValue() >= MERGE) merge.add(e.getKey());
        return new Choice(best, merge, nearest);
    }

    /** Adds the article to its story's centroid. */
    void place(int slot, long story) {
        Centroid c = stories.computeIfAbsent(story, id -> new Centroid());
        double dot = c.add(index.terms(slot), unit(slot));
        c.norm2 += 2 * dot + 1; // |s + u|² with |u| = 1
        c.last = Math.max(c.last, index.time(slot));
    }

    /**
     * Rebuilds the centroids of stories from their members (on load): summed in one dense pass per story,
     * where {@link #place} one by one would copy a large story's centroid once per member.
     */
    void placeAll(long[] storyOf) {
        Map<Long, List<Integer>> members = new HashMap<>();
        for (int slot = 0; slot < storyOf.length; slot++) {
            if (storyOf[slot] >= 0) members.computeIfAbsent(storyOf[slot], id -> new ArrayList<>()).add(slot);
        }
        double[] sum = new double[index.vocabulary()];
        int[] seen = new int[index.vocabulary()];
        boolean[] counted = new boolean[index.vocabulary()];
        for (var e : members.entrySet()) {
            int n = 0;
            long last = 0;
            for (int slot : e.getValue()) {
                int[] t = index.terms(slot);
                double[] u = unit(slot);
                for (int i = 0; i < t.length; i++) {
                    if (!counted[t[i]]) {
                        counted[t[i]] = true;
                        seen[n++] = t[i];
                    }
                    sum[t[i]] += u[i];
                }
                last = Math.max(last, index.time(slot));
            }
            Arrays.sort(seen, 0, n);
            Centroid c = new Centroid();
            c.terms = Arrays.copyOf(seen, n);
            c.weights = new double[n];
            for (int i = 0; i < n; i++) {
                c.weights[i] = sum[seen[i]];
                c.norm2 += c.weights[i] * c.weights[i];
                sum[seen[i]] = 0;
                counted[seen[i]] = false;
            }
            c.last = last;
            stories.put(e.getKey(), c);
        }
    }

    /** Folds story {@code from} into {@code into}. */
    void merge(long from, long into) {
        Centroid f = stories.remove(from);
        if (f == null) return;
        Centroid t = stories.computeIfAbsent(into, id -> new Centroid());
        double dot = t.add(f.terms, f.weights);
        t.norm2 += f.norm2 + 2 * dot;
        t.last = Math.max(t.last, f.last);
    }

    /** The article's unit TF-IDF weights, in the order of its (sorted) terms. */
    private double[] unit(int slot) {
        int[] t = index.terms(slot);
        float[] w = index.tf(slot);
        double n = index.norm(slot);
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) out[i] = n == 0 ? 0 : w[i] * index.idf(t[i]) / n;
        return out;
    }

    private static double cosine(int[] terms, double[] unit, Centroid s) {
        if (s == null || s.norm2 <= 0) return 0;
        double dot = 0;
        for (int i = 0; i < terms.length; i++) dot += unit[i] * s.get(terms[i]);
        return dot / Math.sqrt(s.norm2);
    }
}
