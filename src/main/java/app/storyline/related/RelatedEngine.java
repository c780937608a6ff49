package app.storyline.related;

import app.storyline.index.HtmlText;
import app.storyline.store.ArticleStore;
import app.storyline.store.Database;
import app.storyline.store.StoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Related articles and stories: for an article, the others ranked by how likely they tell the same
 * story, and every article's story.
 * <ol>
 *   <li>Similarity is the cosine of TF-IDF vectors over title and text, headline words counting twice and
 *       names and numbers half again (see {@link Tokens}): the same incident shares its names.</li>
 *   <li>Time weighs in: a story's articles cluster in time, so the cosine is multiplied by
 *       1 / (1 + Δt / 7 days): a day apart keeps 88 %, a week 50 %, a year 2 %.</li>
 *   <li>Pseudo-relevance feedback (Rocchio): the query is expanded with the mean vector of its five closest
 *       neighbours and the candidates scored again, so that two reports of one event that share few
 *       words with each other, but many with a third, still meet (headlines are short).</li>
 *   <li>Shared nearest neighbours (Jarvis and Patrick): the thirty best candidates gain the overlap of
 *       their ten nearest articles with the query's. Two reports of the same incident have the same
 *       neighbours; an earthquake elsewhere shares words but not neighbours.</li>
 *   <li>Articles of the same story ({@link StoryGrouper}) come first, then related coverage.</li>
 * </ol>
 * Stories are grouped by {@link StoryGrouper} and persisted through {@link StoryStore}; the ten nearest
 * articles found when an article joins its story are kept with it for step 4.
 */
public final class RelatedEngine {
    /** One related article; {@code why} lists the shared terms that weigh most; {@code alsoIn} its near-duplicates. */
    public record Related(long articleId, double score, boolean sameStory, List<String> why, List<Long> alsoIn) {}

    static final double TIME_SCALE_MS = 7 * 24 * 3600_000.0;
    /** Terms in more than this share of the library find no candidates (they still count in exact scores). */
    static final double CANDIDATE_DF_SHARE = 0.05;
    /** Candidates come from the query's weightiest terms only, as in Lucene's MoreLikeThis. */
    static final int QUERY_TERMS = 64;
    /** How many candidates get their exact cosine. */
    static final int EXACT = 300;
    static final int FEEDBACK_DOCS = 5;
    static final double FEEDBACK_WEIGHT = 0.75;
    static final int NEIGHBOURS = 10;
    static final int RERANKED = 30;
    static final double NEIGHBOUR_WEIGHT = 1.0;
    /** Two results this close are copies of one text (wire copy in two feeds, an article and its update). */
    static final double DUPLICATE = 0.9;

    private final RelatedIndex index = new RelatedIndex();
    private final StoryGrouper grouper = new StoryGrouper(index);
    private long[] storyOf = new long[0];
    private int[][] neighbours = new int[0][];
    private float[] scratch = new float[0];
    private int[] touched = new int[0];

    /** Builds the engine over every stored article and their stories so far. */
    public static RelatedEngine load(ArticleStore articles, StoryStore stories) {
        RelatedEngine e = new RelatedEngine();
        articles.forEachText(0, e::add);
        e.storyOf = new long[e.index.size()];
        e.neighbours = new int[e.index.size()][];
        Arrays.fill(e.storyOf, -1);
        for (Map.Entry<Long, StoryStore.Membership> m : stories.memberships().entrySet()) {
            Integer slot = e.index.slot(m.getKey());
            if (slot == null) continue;
            e.storyOf[slot] = m.getValue().storyId();
            e.neighbours[slot] = e.slots(m.getValue().neighbours());
        }
        e.grouper.placeAll(e.storyOf);
        return e;
    }

    private long lastSeq;

    private void add(ArticleStore.Text t) {
        index.add(t.id(), t.time(), t.feedId(), Tokens.count(t.title(), HtmlText.plain(t.body()), t.language()));
        lastSeq = Math.max(lastSeq, t.seq());
    }

    /**
     * Takes in the articles stored since the engine was built or last updated (they get no story until
     * {@link #catchUp}). An article whose text changed later keeps the vector of its first version.
     */
    public void update(ArticleStore articles) {
        int before = index.size();
        articles.forEachText(lastSeq, this::add);
        if (index.size() == before) return;
        storyOf = Arrays.copyOf(storyOf, index.size());
        Arrays.fill(storyOf, before, index.size(), -1);
        neighbours = Arrays.copyOf(neighbours, index.size());
    }

    public int size() {
        return index.size();
    }

    /** Articles not yet in a story. */
    public int pending() {
        int n = 0;
        for (long s : storyOf) if (s < 0) n++;
        return n;
    }

    /**
     * Puts every article without a story into one, oldest first, persisting as it goes (a transaction per
     * few hundred articles, so an interrupted run keeps what it did). {@code progress} gets the count done.
     */
    public void catchUp(Database db, IntConsumer progress) {
        int done = 0;
        int slot = 0;
        Instant now = Instant.now();
        while (slot < index.size()) {
            int first = slot;
            int to = Math.min(index.size(), first + 500);
            List<int[]> batch = new ArrayList<>();
            for (int s = first; s < to; s++) if (storyOf[s] < 0) batch.add(new int[] {s});
            slot = to;
            if (batch.isEmpty()) continue;
            db.write(c -> {
                for (int[] b : batch) {
                    int s = b[0];
                    StoryGrouper.Choice choice = grouper.choose(s, this::assigned, x -> storyOf[x]);
                    long story = choice.story() >= 0 ? choice.story() : StoryStore.create(c, now);
                    for (long other : choice.merge()) {
                        // The older story keeps its id; the younger points at it from now on.
                        long into = Math.min(story, other);
                        long gone = Math.max(story, other);
                        StoryStore.merge(c, gone, into);
                        grouper.merge(gone, into);
                        for (int i = 0; i < storyOf.length; i++) if (storyOf[i] == gone) storyOf[i] = into;
                        story = into;
                    }
                    grouper.place(s, story);
                    storyOf[s] = story;
                    neighbours[s] = choice.nearest();
                    StoryStore.join(c, index.articleId(s), story, ids(choice.nearest()), now);
                }
                return null;
            });
            done += batch.size();
            if (progress != null) progress.accept(done);
        }
    }

    private boolean assigned(int slot) {
        return storyOf[slot] >= 0;
    }

    public long storyOf(long articleId) {
        Integer slot = index.slot(articleId);
        return slot == null ? -1 : storyOf[slot];
    }

    /** The {@code k} articles most related to {@code articleId}, best first, near-duplicates folded; empty for an unknown id. */
    public List<Related> related(long articleId, int k) {
        Integer slot = index.slot(articleId);
        if (slot == null) return List.of();
        RelatedIndex.Query q = index.query(slot);
        List<Scored> ranked = rank(slot, q, SHORTLIST);
        List<Related> out = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        Map<Integer, List<Long>> copies = new HashMap<>();
        for (Scored s : ranked) {
            if (out.size() == k) break;
            Integer original = duplicateOf(s.slot, kept);
            if (original != null) {
                copies.computeIfAbsent(original, x -> new ArrayList<>()).add(index.articleId(s.slot));
                continue;
            }
            kept.add(s.slot);
            boolean same = storyOf[slot] >= 0 && storyOf[slot] == storyOf[s.slot];
            out.add(new Related(index.articleId(s.slot), s.score, same, index.shared(q, s.slot, 4), List.of()));
        }
        for (int i = 0; i < out.size(); i++) {
            List<Long> c = copies.get(kept.get(i));
            if (c != null) {
                Related r = out.get(i);
                out.set(i, new Related(r.articleId(), r.score(), r.sameStory(), r.why(), List.copyOf(c)));
            }
        }
        return out;
    }

    private Integer duplicateOf(int slot, List<Integer> kept) {
        RelatedIndex.Query q = index.query(slot);
        for (int k : kept) if (index.cosine(q, k) >= DUPLICATE) return k;
        return null;
    }

    /** Article ids ranked for {@code articleId}, to {@code depth}, nothing folded (for evaluation). */
    public List<Long> ranking(long articleId, int depth) {
        Integer slot = index.slot(articleId);
        if (slot == null) return List.of();
        List<Long> out = new ArrayList<>();
        for (Scored s : rank(slot, index.query(slot), Math.max(depth, SHORTLIST))) {
            if (out.size() == depth) break;
            out.add(index.articleId(s.slot));
        }
        return out;
    }

    private record Scored(int slot, double score) {}

    /** How many candidates are ranked in full: enough for any page, the feedback and the re-ranking. */
    static final int SHORTLIST = 200;

    private List<Scored> rank(int slot, RelatedIndex.Query q, int depth) {
        List<Scored> first = score(slot, q, FEEDBACK_DOCS);
        if (first.isEmpty()) return first;
        int[] top = new int[first.size()];
        for (int i = 0; i < top.length; i++) top[i] = first.get(i).slot;
        List<Scored> second = score(slot, index.expand(q, top, FEEDBACK_WEIGHT), depth);
        return sharedNeighbours(slot, second);
    }

    /**
     * The best {@code limit} articles by cosine × time factor: candidates from the query's weightiest
     * selective terms, the best {@link #EXACT} of them (at least {@code limit}) scored by their exact
     * cosine; the rest keep their partial score (only the full rankings of evaluation reach them).
     */
    List<Scored> score(int slot, RelatedIndex.Query q, int limit) {
        if (scratch.length < index.size()) {
            scratch = new float[index.size()];
            touched = new int[index.size()];
        }
        int[] hits = index.cosines(q, CANDIDATE_DF_SHARE, QUERY_TERMS, scratch, touched);
        long t0 = index.time(slot);
        TopK candidates = new TopK(Math.min(hits.length, Math.max(limit, EXACT)));
        for (int d : hits) {
            double partial = scratch[d];
            scratch[d] = 0;
            // The time factor is at most 1, so a cosine that cannot beat the k-th needs no time lookup.
            if (d != slot && partial > candidates.floor()) candidates.offer(d, partial * timeFactor(t0, index.time(d)));
        }
        double[] partial = new double[candidates.size()];
        int[] slots = candidates.drainSlots(partial);
        TopK top = new TopK(Math.min(limit, slots.length));
        for (int i = 0; i < slots.length; i++) {
            double s = i < EXACT ? index.cosine(q, slots[i]) * timeFactor(t0, index.time(slots[i])) : partial[i];
            top.offer(slots[i], s);
        }
        double[] scores = new double[top.size()];
        int[] best = top.drainSlots(scores);
        List<Scored> scored = new ArrayList<>(best.length);
        for (int i = 0; i < best.length; i++) scored.add(new Scored(best[i], scores[i]));
        return scored;
    }

    private List<Scored> sharedNeighbours(int slot, List<Scored> ranked) {
        Set<Integer> mine = new HashSet<>();
        for (int n : nearest(slot)) mine.add(n);
        int top = Math.min(RERANKED, ranked.size());
        List<Scored> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Scored s = ranked.get(i);
            if (i >= top) {
                out.add(s);
                continue;
            }
            int common = mine.contains(s.slot) ? 1 : 0;
            for (int n : nearest(s.slot)) if (n == slot || mine.contains(n)) common++;
            out.add(new Scored(s.slot, s.score + NEIGHBOUR_WEIGHT * common / (2.0 * NEIGHBOURS)));
        }
        // The same story told by other sources first, then related coverage: each part by score.
        long story = storyOf[slot];
        out.sort(Comparator.comparing((Scored x) -> story < 0 || storyOf[x.slot] != story).thenComparing(Comparator.comparingDouble(Scored::score).reversed()));
        return out;
    }

    /** An article's nearest articles: kept from when it joined its story, else found now (and kept). */
    private int[] nearest(int slot) {
        if (neighbours.length <= slot) neighbours = Arrays.copyOf(neighbours, index.size());
        if (neighbours[slot] == null) {
            List<Scored> s = score(slot, index.query(slot), NEIGHBOURS);
            int[] out = new int[s.size()];
            for (int i = 0; i < out.length; i++) out[i] = s.get(i).slot;
            neighbours[slot] = out;
        }
        return neighbours[slot];
    }

    private int[] slots(long[] ids) {
        List<Integer> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            Integer s = index.slot(id);
            if (s != null) out.add(s);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private long[] ids(int[] slots) {
        long[] out = new long[slots.length];
        for (int i = 0; i < slots.length; i++) out[i] = index.articleId(slots[i]);
        return out;
    }

    static double timeFactor(long a, long b) {
        return 1.0 / (1.0 + Math.abs(a - b) / TIME_SCALE_MS);
    }
}
