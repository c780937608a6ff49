package app.storyline.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every article as a TF-IDF vector, in memory, with an inverted list per term: the similarity of one
 * article to all others costs a walk over the postings of its terms (the common ones skipped for
 * candidates, counted for scores), not a pass over the library. Weights are sublinear,
 * (1 + ln w) · idf with idf = ln((1 + N) / (1 + df)) + 1, and vectors are compared by cosine. Slots
 * are dense ints in insertion order. Not thread-safe: one writer, or readers with no writer.
 */
final class RelatedIndex {
    /** A term's postings: document slots and that document's sublinear weight for the term. */
    private static final class Postings {
        int[] docs = new int[4];
        float[] tf = new float[4];
        int size;

        void add(int doc, float w) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                tf = Arrays.copyOf(tf, size * 2);
            }
            docs[size] = doc;
            tf[size++] = w;
        }
    }

    /** Postings this short are always walked. */
    static final int SMALL = 1000;
    /** At most this many postings are walked for one query's candidates (a few milliseconds). */
    static final int POSTINGS_BUDGET = 8_000;

    private final Map<String, Integer> termIds = new HashMap<>();
    private final List<String> terms = new ArrayList<>();
    private final List<String> surfaces = new ArrayList<>();
    private final List<Postings> postings = new ArrayList<>();
    private long[] ids = new long[1024];
    private long[] times = new long[1024];
    private long[] feeds = new long[1024];
    private int[][] docTerms = new int[1024][];
    private float[][] docTf = new float[1024][];
    private float[] norms = new float[1024];
    private int[] normAt = new int[1024];
    private final Map<Long, Integer> slots = new HashMap<>();
    private int size;

    int size() {
        return size;
    }

    /** How many distinct terms the library has: term ids are below this. */
    int vocabulary() {
        return terms.size();
    }

    Integer slot(long articleId) {
        return slots.get(articleId);
    }

    long articleId(int slot) {
        return ids[slot];
    }

    long time(int slot) {
        return times[slot];
    }

    long feed(int slot) {
        return feeds[slot];
    }

    /** Adds an article; returns its slot. An article added twice keeps its first slot and vector. */
    int add(long articleId, long time, long feedId, Tokens.Counted counted) {
        Integer existing = slots.get(articleId);
        if (existing != null) return existing;
        if (size == ids.length) grow();
        int slot = size++;
        ids[slot] = articleId;
        times[slot] = time;
        feeds[slot] = feedId;
        int[] t = new int[counted.weights().size()];
        float[] w = new float[t.length];
        int i = 0;
        for (Map.Entry<String, Float> e : counted.weights().entrySet()) {
            int id = termIds.computeIfAbsent(e.getKey(), k -> {
                terms.add(k);
                surfaces.add(counted.surface().getOrDefault(k, k));
                postings.add(new Postings());
                return terms.size() - 1;
            });
            t[i] = id;
            w[i] = (float) (1 + Math.log(Math.max(1f, e.getValue())));
            i++;
            // A name keeps its capitals in explanations once any article writes it so.
            String shown = counted.surface().get(e.getKey());
            if (shown != null && Character.isUpperCase(shown.charAt(0)) && !Character.isUpperCase(surfaces.get(id).charAt(0))) {
                surfaces.set(id, shown);
            }
        }
        sortByTerm(t, w);
        for (int k = 0; k < t.length; k++) postings.get(t[k]).add(slot, w[k]);
        docTerms[slot] = t;
        docTf[slot] = w;
        normAt[slot] = -1;
        slots.put(articleId, slot);
        return slot;
    }

    private void grow() {
        int n = ids.length * 2;
        ids = Arrays.copyOf(ids, n);
        times = Arrays.copyOf(times, n);
        feeds = Arrays.copyOf(feeds, n);
        docTerms = Arrays.copyOf(docTerms, n);
        docTf = Arrays.copyOf(docTf, n);
        norms = Arrays.copyOf(norms, n);
        normAt = Arrays.copyOf(normAt, n);
    }

    private static void sortByTerm(int[] t, float[] w) {
        long[] packed = new long[t.length];
        for (int i = 0; i < t.length; i++) packed[i] = ((long) t[i] << 32) | (Float.floatToRawIntBits(w[i]) & 0xFFFFFFFFL);
        Arrays.sort(packed);
        for (int i = 0; i < t.length; i++) {
            t[i] = (int) (packed[i] >>> 32);
            w[i] = Float.intBitsToFloat((int) packed[i]);
        }
    }

    /** ln(1 + x) for the document frequencies seen so far: idf is on every inner loop. */
    private float[] log1p = new float[0];

    double idf(int term) {
        return log1p(size) - log1p(postings.get(term).size) + 1.0;
    }

    private double log1p(int x) {
        if (x >= log1p.length) {
            int from = log1p.length;
            log1p = Arrays.copyOf(log1p, Math.max(x + 1, from * 2 + 1024));
            for (int i = from; i < log1p.length; i++) log1p[i] = (float) Math.log1p(i);
        }
        return log1p[x];
    }

    int df(int term) {
        return postings.get(term).size;
    }

    String surface(int term) {
        return surfaces.get(term);
    }

    int[] terms(int slot) {
        return docTerms[slot];
    }

    float[] tf(int slot) {
        return docTf[slot];
    }

    /** The vector's length under the current idf; recomputed when the library has grown by a tenth. */
    double norm(int slot) {
        if (normAt[slot] < 0 || size > normAt[slot] + normAt[slot] / 10 + 16) {
            double sum = 0;
            int[] t = docTerms[slot];
            float[] w = docTf[slot];
            for (int i = 0; i < t.length; i++) {
                double x = w[i] * idf(t[i]);
                sum += x * x;
            }
            norms[slot] = (float) Math.sqrt(sum);
            normAt[slot] = size;
        }
        return norms[slot];
    }

    /** A query: terms with weights tf·idf (not normalised). */
    record Query(int[] terms, double[] weights) {
        double norm() {
            double s = 0;
            for (double w : weights) s += w * w;
            return Math.sqrt(s);
        }
    }

    Query query(int slot) {
        int[] t = docTerms[slot];
        float[] w = docTf[slot];
        double[] q = new double[t.length];
        for (int i = 0; i < t.length; i++) q[i] = w[i] * idf(t[i]);
        return new Query(t, q);
    }

    /**
     * Rocchio's expansion: the query's unit vector plus {@code beta} times the mean unit vector of
     * {@code neighbours}. Words the close neighbours share, but the query happens not to use, join it.
     */
    Query expand(Query q, int[] neighbours, double beta) {
        Map<Integer, Double> sum = new HashMap<>();
        double qn = q.norm();
        for (int i = 0; i < q.terms().length; i++) sum.merge(q.terms()[i], q.weights()[i] / qn, Double::sum);
        for (int d : neighbours) {
            int[] t = docTerms[d];
            float[] w = docTf[d];
            double dn = norm(d);
            for (int i = 0; i < t.length; i++) sum.merge(t[i], beta / neighbours.length * w[i] * idf(t[i]) / dn, Double::sum);
        }
        int[] terms = new int[sum.size()];
        double[] weights = new double[sum.size()];
        int i = 0;
        for (int t : sum.keySet().stream().sorted().toList()) {
            terms[i] = t;
            weights[i++] = sum.get(t);
        }
        return new Query(terms, weights);
    }

    /**
     * Candidates for a query: the articles sharing at least one of its {@code maxTerms} weightiest
     * selective terms (in at most {@code maxDfShare} of the library), with the part of the cosine those
     * terms give. Common words are left out here: they are what makes a walk over the postings touch
     * most of a large library, and they add little to a cosine; {@link #cosine} scores the best
     * candidates exactly. {@code out} receives the partial cosine per slot; returns the slots touched.
     */
    int[] cosines(Query q, double maxDfShare, int maxTerms, float[] out, int[] touched) {
        return cosines(q, maxDfShare, maxTerms, POSTINGS_BUDGET, out, touched);
    }

    int[] cosines(Query q, double maxDfShare, int maxTerms, int budget, float[] out, int[] touched) {
        double qn = q.norm();
        if (qn == 0) return new int[0];
        // A share of a large library; in a small one every term is cheap enough to walk.
        int limit = (int) Math.max(SMALL, maxDfShare * size);
        TopK chosen = new TopK(maxTerms);
        for (int i = 0; i < q.terms().length; i++) {
            if (postings.get(q.terms()[i]).size <= limit) chosen.offer(i, q.weights()[i] * idf(q.terms()[i]));
        }
        int count = 0;
        long walked = 0;
        for (int i : chosen.drainSlots(null)) {
            Postings p = postings.get(q.terms()[i]);
            // Weightiest terms first; once the budget is spent the remaining (commoner) ones are skipped.
            if (walked > 0 && walked + p.size > budget) continue;
            walked += p.size;
            double qi = q.weights()[i] * idf(q.terms()[i]);
            for (int k = 0; k < p.size; k++) {
                int d = p.docs[k];
                if (out[d] == 0) touched[count++] = d;
                out[d] += (float) (qi * p.tf[k]);
            }
        }
        int[] result = Arrays.copyOf(touched, count);
        for (int d : result) out[d] = (float) (out[d] / (qn * norm(d)));
        return result;
    }

    /** Exact cosine of a query with one article (all terms, common ones included). */
    double cosine(Query q, int slot) {
        int[] a = q.terms();
        int[] b = docTerms[slot];
        float[] bw = docTf[slot];
        double dot = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else {
                dot += q.weights()[i] * bw[j] * idf(b[j]);
                i++;
                j++;
            }
        }
        double qn = q.norm();
        double dn = norm(slot);
        return qn == 0 || dn == 0 ? 0 : dot / (qn * dn);
    }

    /** The shared terms of a query and an article, by their contribution to the cosine, largest first. */
    List<String> shared(Query q, int slot, int max) {
        int[] a = q.terms();
        int[] b = docTerms[slot];
        float[] bw = docTf[slot];
        List<double[]> parts = new ArrayList<>();
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else {
                parts.add(new double[] {a[i], q.weights()[i] * bw[j] * idf(b[j])});
                i++;
                j++;
            }
        }
        parts.sort((x, y) -> Double.compare(y[1], x[1]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size() && out.size() < max; i++) out.add(surface((int) parts.get(i)[0]));
        return out;
    }
}
