package sluice.model;

import java.util.stream.IntStream;

/**
 * The training rows in ascending order of each feature, sorted once for all the trees grown on
 * them, and each row's place in that order (its rank): sorting a node's ranks gives its rows in the
 * same order, equal values included, as keeping the presorted order does.
 *
 * @param order for each feature, the row indexes in ascending order of its values
 * @param rank  for each feature, {@code rank[j][order[j][k]] == k}
 * @param nonConstant the number of features with more than one value
 */
record Presorted(int[][] order, int[][] rank, int nonConstant) {

    /** The orders and ranks of each column, the columns shared among the cores. */
    static Presorted of(double[][] columns) {
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
        return new Presorted(order, rank, nonConstant);
    }
}
