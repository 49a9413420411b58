package sluice.model;

import java.util.stream.IntStream;

/**
 * The training rows in ascending order of each feature, sorted once for all the trees grown on
 * them, and each row's place in that order (its rank): sorting a node's ranks gives its rows in the
 * same order, equal values included, as keeping the presorted order does. A feature of few values
 * (at most {@link #MAX_LEVELS}, each more than 1e-7 above the one below, as a tree tells values
 * apart) also has each row's level, the index of its value among them, so that a node's class
 * counts can be had per value without sorting (see {@link LevelCounts}).
 *
 * @param order for each feature, the row indexes in ascending order of its values
 * @param rank  for each feature, {@code rank[j][order[j][k]] == k}
 * @param nonConstant the number of features with more than one value
 * @param level for each feature of few values, each row's level; null for the others
 * @param value for each feature of few values, its values in ascending order; null for the others
 */
record Presorted(int[][] order, int[][] rank, int nonConstant, int[][] level, double[][] value) {
    /** The most values a feature's rows are counted by. */
    static final int MAX_LEVELS = 256;

    /** The orders and ranks of each column, the columns shared among the cores, without levels. */
    static Presorted of(double[][] columns) {
        return of(columns, false);
    }

    /** As {@link #of(double[][])}, with the levels of the features of few values if {@code levels}. */
    static Presorted of(double[][] columns, boolean levels) {
        int[][] order = IntStream.range(0, columns.length).parallel()
                .mapToObj(j -> smile.sort.QuickSort.sort(columns[j].clone())).toArray(int[][]::new);
        int[][] rank = IntStream.range(0, columns.length).parallel().mapToObj(j -> {
            int[] r = new int[order[j].length];
            for (int k = 0; k < r.length; k++) {
                r[order[j][k]] = k;
            }
            return r;
        }).toArray(int[][]::new);
        int nonConstant = (int) IntStream.range(0, columns.length).filter(j -> columns[j].length > 0
                && columns[j][order[j][order[j].length - 1]] > columns[j][order[j][0]] + 1e-7).count();
        double[][] value = IntStream.range(0, columns.length).mapToObj(j -> levels ? values(columns[j], order[j]) : null)
                .toArray(double[][]::new);
        int[][] level = IntStream.range(0, columns.length).mapToObj(j -> {
            if (value[j] == null) {
                return null;
            }
            int[] l = new int[order[j].length];
            for (int k = 0, v = 0; k < l.length; k++) {
                int i = order[j][k];
                v += columns[j][i] == value[j][v] ? 0 : 1;
                l[i] = v;
            }
            return l;
        }).toArray(int[][]::new);
        return new Presorted(order, rank, nonConstant, level, value);
    }

    /** The distinct values of x in ascending order, or null if there are more than MAX_LEVELS or two within 1e-7. */
    private static double[] values(double[] x, int[] order) {
        double[] values = new double[MAX_LEVELS];
        int count = 0;
        for (int i : order) {
            if (count > 0 && x[i] == values[count - 1]) {
                continue;
            }
            if (count == MAX_LEVELS || count > 0 && x[i] <= values[count - 1] + 1e-7) {
                return null;
            }
            values[count++] = x[i];
        }
        return count == 0 ? null : java.util.Arrays.copyOf(values, count);
    }
}
