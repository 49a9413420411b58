package sluice.model;

import java.util.Arrays;

/**
 * The rows of a growing tree's nodes in ascending order of a feature, had two ways. Kept: every
 * feature's order of the tree's rows is kept ({@link #rows}) and partitioned at each split, one
 * pass per feature and node. Sorted: a node's rows are one list ({@link #members}), and each drawn
 * feature's order is made by sorting the rows' ranks in the presorted order, which costs a few
 * passes over the node's rows, so less than partitioning when few of many features are drawn.
 * Equal values come in the same order both ways, so every sum, and the tree, is the same whichever
 * way a node was had.
 */
final class NodeOrders {
    /** For each feature, a kept node's rows lo..hi in its order (one spare slot, see the constructor). */
    final int[][] rows;
    /** A sorted node's rows lo..hi, in the order of the feature of its split once it has one. */
    final int[] members;
    private final double[][] columns;
    private final int[][] order;
    private final int[][] rank;
    private final byte[] goesLeft;
    private final int[] buffer;
    private final int[] keys;
    /** One bit per rank: the ranks of a node's rows, set, then read in ascending order. */
    private final long[] bits;
    private int[] scratch;
    private int[] best;

    /**
     * The orders of the rows drawn into a tree: those of weight above 0, {@code m} of them; {@code
     * kept}: each feature's order kept, else only sorted.
     */
    NodeOrders(double[][] columns, Presorted presorted, double[] weight, int m, boolean kept) {
        this.columns = columns;
        this.order = presorted.order();
        this.rank = presorted.rank();
        rows = new int[kept ? order.length : 0][m + 1];
        goesLeft = new byte[kept ? weight.length : 0];
        buffer = new int[kept ? m : 0];
        if (kept) {
            keepOrders(weight);
        }
        members = new int[m];
        keys = new int[m];
        scratch = new int[m];
        best = new int[m];
        bits = new long[(weight.length + 63) / 64];
    }

    /** Each feature's order kept to the drawn rows (those of weight above 0). */
    private void keepOrders(double[] weight) {
        int[] drawn = new int[weight.length];
        for (int i = 0; i < weight.length; i++) {
            drawn[i] = weight[i] > 0 ? 1 : 0;
        }
        // Without a branch: every row is written, and only a drawn one moves the end on (hence one spare slot).
        for (int j = 0; j < rows.length; j++) {
            int[] r = rows[j];
            int k = 0;
            for (int i : order[j]) {
                r[k] = i;
                k += drawn[i];
            }
        }
    }

    /**
     * Feature j's order of the rows {@code from[lo..hi)}, at lo..hi of the array returned (valid until
     * the next call), or null if j has one value there: their ranks sorted, each turned back into
     * its row. Ranks are distinct, so a set of bits sorts them in two passes and a read of the
     * words between the least and the greatest; a few rows far apart are sorted by comparisons.
     */
    int[] sort(int j, int[] from, int lo, int hi) {
        int[] r = rank[j];
        int least = Integer.MAX_VALUE;
        int most = -1;
        for (int k = lo; k < hi; k++) {
            int q = r[from[k]];
            keys[k] = q;
            least = Math.min(least, q);
            most = Math.max(most, q);
        }
        int[] o = order[j];
        if (columns[j][o[most]] <= columns[j][o[least]] + 1e-7) {
            return null;
        }
        if ((most >>> 6) - (least >>> 6) > 4 * (hi - lo)) {
            Arrays.sort(keys, lo, hi);
            for (int k = lo; k < hi; k++) {
                scratch[k] = o[keys[k]];
            }
            return scratch;
        }
        for (int k = lo; k < hi; k++) {
            bits[keys[k] >>> 6] |= 1L << keys[k];
        }
        int k = lo;
        for (int w = least >>> 6; w <= most >>> 6; w++) {
            long word = bits[w];
            bits[w] = 0;
            while (word != 0) {
                scratch[k++] = o[w << 6 | Long.numberOfTrailingZeros(word)];
                word &= word - 1;
            }
        }
        return scratch;
    }

    /** Keeps the order the last {@link #sort} made, that of the best split so far. */
    void keep() {
        int[] swap = best;
        best = scratch;
        scratch = swap;
    }

    /** Puts the kept order of rows lo..hi into {@link #members}, for the node's children. */
    void settle(int lo, int hi) {
        System.arraycopy(best, lo, members, lo, hi - lo);
    }

    /**
     * Puts the rows {@code from[lo..hi)} into {@link #members} for the node's children: those whose
     * value of x is at most the threshold first, then the others.
     */
    void settle(int[] from, int lo, int hi, double[] x, double threshold) {
        int left = lo;
        int right = 0;
        for (int k = lo; k < hi; k++) {
            int i = from[k];
            if (x[i] <= threshold) {
                members[left++] = i;
            } else {
                scratch[right++] = i;
            }
        }
        System.arraycopy(scratch, 0, members, left, right);
    }

    /**
     * Splits the kept orders of rows lo..hi into the left rows (lo..mid of {@code feature}'s order),
     * then the right, keeping their order; the feature's own order and those of constant features
     * are left as they are.
     */
    void partition(int feature, int lo, int mid, int hi, boolean[] constant) {
        int[] by = rows[feature];
        for (int k = lo; k < hi; k++) {
            goesLeft[by[k]] = (byte) (k < mid ? 1 : 0);
        }
        for (int j = 0; j < rows.length; j++) {
            if (j == feature || constant[j]) {
                continue;
            }
            int[] r = rows[j];
            int l = lo;
            int b = 0;
            // Without branches, which the CPU would guess wrong half the time: each row is written to
            // both places and only the index of its side moves on.
            for (int k = lo; k < hi; k++) {
                int i = r[k];
                int left = goesLeft[i];
                r[l] = i;
                buffer[b] = i;
                l += left;
                b += 1 - left;
            }
            System.arraycopy(buffer, 0, r, l, b);
        }
    }
}
