package sluice.model;

/** A node's chosen split: rows lo..mid go left, mid..hi right, in the feature's order. */
final class Split {
    final int feature;
    final double threshold;
    final int lo;
    final int mid;
    final int hi;
    final double gain;
    boolean[] constant;
    int nonConstant;
    boolean sorting;
    int node;
    int depth;

    Split(int feature, double threshold, int lo, int mid, int hi, double gain) {
        this.feature = feature;
        this.threshold = threshold;
        this.lo = lo;
        this.mid = mid;
        this.hi = hi;
        this.gain = gain;
    }
}
