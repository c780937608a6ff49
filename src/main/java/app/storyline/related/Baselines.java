package app.storyline.related;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** Methods other readers use, measured on the same data for comparison. */
public final class Baselines {
    private Baselines() {}

    /**
     * NewsBlur's published rule: two titles are one story when their significant words (lower case,
     * stop words dropped) overlap by at least 3 words and by at least 0.6 of the shorter title
     * (overlap coefficient); stories are the connected groups. Returns article id to story id.
     */
    public static Map<Long, Long> newsblur(Map<Long, String> titles) {
        List<Long> ids = new ArrayList<>(titles.keySet());
        List<Set<String>> words = new ArrayList<>();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Set<String> w = new HashSet<>();
            String t = titles.get(ids.get(i));
            if (t != null) {
                for (String x : t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (x.length() > 1 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(x)) w.add(x);
                }
            }
            words.add(w);
            for (String x : w) postings.computeIfAbsent(x, k -> new ArrayList<>()).add(i);
        }
        int[] parent = new int[ids.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int i = 0; i < ids.size(); i++) {
            Map<Integer, Integer> shared = new HashMap<>();
            for (String x : words.get(i)) for (int j : postings.get(x)) if (j > i) shared.merge(j, 1, Integer::sum);
            for (var e : shared.entrySet()) {
                int common = e.getValue();
                int shorter = Math.min(words.get(i).size(), words.get(e.getKey()).size());
                if (common >= 3 && common >= 0.6 * shorter) union(parent, i, e.getKey());
            }
        }
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) out.put(ids.get(i), ids.get(find(parent, i)));
        return out;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
