package app.storyline.related;

/**
 * The k best (slot, score) pairs of a stream, in a min-heap of primitives: O(n log k), no boxing.
 * A query at 100k articles can touch tens of thousands of them; only a few hundred are ever looked at.
 */
final class TopK {
    private final int[] slots;
    private final double[] scores;
    private int size;

    TopK(int k) {
        slots = new int[Math.max(1, k)];
        scores = new double[Math.max(1, k)];
    }

    void offer(int slot, double score) {
        if (size < slots.length) {
            slots[size] = slot;
            scores[size] = score;
            up(size++);
        } else if (score > scores[0]) {
            slots[0] = slot;
            scores[0] = score;
            down(0);
        }
    }

    /** Slots and scores, best first; the heap is consumed. */
    int[] drainSlots(double[] scoresOut) {
        int n = size;
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = slots[0];
            if (scoresOut != null) scoresOut[i] = scores[0];
            size--;
            slots[0] = slots[size];
            scores[0] = scores[size];
            down(0);
        }
        return out;
    }

    int size() {
        return size;
    }

    /** The score an offer must beat to be kept: the k-th best so far, or -∞ until there are k. */
    double floor() {
        return size < slots.length ? Double.NEGATIVE_INFINITY : scores[0];
    }

    private void up(int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (scores[p] <= scores[i]) return;
            swap(i, p);
            i = p;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && scores[l] < scores[m]) m = l;
            if (r < size && scores[r] < scores[m]) m = r;
            if (m == i) return;
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        int s = slots[a];
        slots[a] = slots[b];
        slots[b] = s;
        double d = scores[a];
        scores[a] = scores[b];
        scores[b] = d;
    }
}
