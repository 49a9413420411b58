package sluice.model;

/**
 * A node's class counts per value of one feature of few values (see {@link Presorted#level}): one
 * pass over the node's rows instead of sorting them, then one step per value present. Bootstrap
 * weights are whole numbers, so every count and sum of squares is a whole number and exact: the
 * scores equal, bit for bit, those a scan of the sorted rows adds up a row at a time, and the
 * splits are the same.
 */
final class LevelCounts {
    private final int outputs;
    /** {@code counts[l * outputs + c]}: the weight of class c's rows at level l; 0 outside a scan. */
    private final double[] counts;
    /** The node's rows at each level; 0 outside a scan. */
    private final int[] rows;
    private final double[] countLeft;
    private final double[] countRight;
    /** The classes of the node's rows, {@link #present} of them; the others' counts stay 0. */
    private final int[] classes;
    private int present;

    LevelCounts(int outputs) {
        this.outputs = outputs;
        classes = new int[outputs];
        counts = new double[Presorted.MAX_LEVELS * outputs];
        rows = new int[Presorted.MAX_LEVELS];
        countLeft = new double[outputs];
        countRight = new double[outputs];
    }

    /** Takes the node's classes from its count of each, {@code node}: a small node has rows of few. */
    void node(double[] node) {
        present = 0;
        for (int c = 0; c < outputs; c++) {
            classes[present] = c;
            present += node[c] > 0 ? 1 : 0;
        }
    }

    /** Whether counting feature j's {@code levels} values beats sorting the node's {@code n} rows by it. */
    boolean pays(int levels, int n) {
        return levels * present <= 2 * n;
    }

    /**
     * Offers {@code grower} every split of the rows {@code members[lo..hi)}, the node's (see {@link
     * #node}), by feature j between two of its values present there, with its Gini score (see {@link CartGrower#scanClasses}); false if
     * there is one value only.
     */
    boolean scan(CartGrower grower, int j, int[] level, double[] value, int[] members, int lo, int hi,
                 double[] weight, double[] y, double total, double[] node, double squares, int minLeaf) {
        int least = Integer.MAX_VALUE;
        int most = -1;
        for (int k = lo; k < hi; k++) {
            int i = members[k];
            int l = level[i];
            counts[l * outputs + (int) y[i]] += weight[i];
            rows[l]++;
            least = Math.min(least, l);
            most = Math.max(most, l);
        }
        System.arraycopy(node, 0, countRight, 0, outputs);
        java.util.Arrays.fill(countLeft, 0);
        double squaresLeft = 0;
        double squaresRight = squares;
        double weightLeft = 0;
        int rowsLeft = 0;
        for (int l = least, previous = -1; l <= most; l++) {
            if (rows[l] == 0) {
                continue;
            }
            if (previous >= 0 && rowsLeft >= minLeaf && hi - lo - rowsLeft >= minLeaf) {
                grower.consider(j, lo + rowsLeft, value[previous], value[l],
                        squaresLeft / weightLeft + squaresRight / (total - weightLeft));
            }
            for (int q = 0; q < present; q++) {
                int c = classes[q];
                int at = l * outputs + c;
                double w = counts[at];
                squaresLeft += w * (2 * countLeft[c] + w);
                squaresRight += w * (w - 2 * countRight[c]);
                countLeft[c] += w;
                countRight[c] -= w;
                weightLeft += w;
                counts[at] = 0;
            }
            rowsLeft += rows[l];
            rows[l] = 0;
            previous = l;
        }
        return least < most;
    }
}
