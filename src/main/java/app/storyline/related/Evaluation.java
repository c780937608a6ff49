package app.storyline.related;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranking and grouping quality against story labels. Protocol of ../shared/corpora/README.md: every
 * article is a query against the whole pool; relevant = same label, itself excluded; P@1, P@5 (over
 * min(5, relevant)), R@10 and MAP over the ranking returned; queries with no relevant article are
 * skipped. Grouping is scored by B-cubed precision, recall and F1.
 */
public final class Evaluation {
    public record Ranking(double p1, double p5, double r10, double map, int queries) {}

    public record Grouping(double precision, double recall, double f1, int groups) {}

    private Evaluation() {}

    /** {@code rankings}: per query article id, the ids ranked (itself absent). */
    public static Ranking ranking(Map<Long, List<Long>> rankings, Map<Long, String> labels) {
        Map<String, Integer> sizes = new HashMap<>();
        for (String l : labels.values()) sizes.merge(l, 1, Integer::sum);
        double p1 = 0, p5 = 0, r10 = 0, map = 0;
        int n = 0;
        for (Map.Entry<Long, List<Long>> e : rankings.entrySet()) {
            String label = labels.get(e.getKey());
            int relevant = sizes.getOrDefault(label, 1) - 1;
            if (relevant <= 0) continue;
            n++;
            List<Long> ranked = e.getValue();
            int hits = 0;
            double ap = 0;
            for (int i = 0; i < ranked.size(); i++) {
                if (!label.equals(labels.get(ranked.get(i)))) continue;
                hits++;
                ap += hits / (double) (i + 1);
                if (i == 0) p1++;
                if (i < 5) p5 += 1.0 / Math.min(5, relevant);
                if (i < 10) r10 += 1.0 / relevant;
            }
            map += ap / relevant;
        }
        return n == 0 ? new Ranking(0, 0, 0, 0, 0) : new Ranking(p1 / n, p5 / n, r10 / n, map / n, n);
    }

    /** B-cubed over items: {@code groups} maps item to its predicted group, {@code labels} to its true one. */
    public static <G> Grouping bcubed(Map<Long, G> groups, Map<Long, String> labels) {
        Map<G, Map<String, Integer>> overlap = new HashMap<>();
        Map<G, Integer> groupSize = new HashMap<>();
        Map<String, Integer> labelSize = new HashMap<>();
        for (Map.Entry<Long, G> e : groups.entrySet()) {
            String l = labels.get(e.getKey());
            if (l == null) continue;
            overlap.computeIfAbsent(e.getValue(), k -> new HashMap<>()).merge(l, 1, Integer::sum);
            groupSize.merge(e.getValue(), 1, Integer::sum);
            labelSize.merge(l, 1, Integer::sum);
        }
        double p = 0, r = 0;
        int n = 0;
        for (Map.Entry<Long, G> e : groups.entrySet()) {
            String l = labels.get(e.getKey());
            if (l == null) continue;
            int both = overlap.get(e.getValue()).get(l);
            p += both / (double) groupSize.get(e.getValue());
            r += both / (double) labelSize.get(l);
            n++;
        }
        p /= Math.max(1, n);
        r /= Math.max(1, n);
        return new Grouping(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), groupSize.size());
    }
}
