package sluice.render;

import java.util.List;

/**
 * A chart computed in Java and described by its aggregates (bin counts, quartiles, sampled points,
 * a matrix), so a notebook carries kilobytes even for a million rows. {@code render} turns it into
 * a bundle: interactive plotly where JavaScript runs, a static image everywhere else.
 *
 * @param kind   what is drawn
 * @param title  the chart's title
 * @param xLabel label of the x axis
 * @param yLabel label of the y axis
 * @param series the data: one entry per trace (one per colour group for scatter, one per box)
 * @param note   a line under the chart, e.g. "5,000 of 1,000,000 rows sampled", or null
 * @param guides dashed reference lines over a SCATTER or LINE chart (y = x, zero), drawn but not data
 * @param scale  how a HEATMAP colours its values; other kinds ignore it
 */
public record Chart(Kind kind, String title, String xLabel, String yLabel, List<Series> series, String note,
                    List<Series> guides, Scale scale) {
    public enum Kind {
        /** Bars over numeric bins: {@code x} holds the bin edges (one more than {@code y}), {@code y} the counts. */
        HISTOGRAM,
        /** Bars over categories: {@code x} holds the labels, {@code y} the heights. */
        BAR,
        /** One box per series: {@code y} holds [lower fence, q1, median, q3, upper fence]. */
        BOX,
        /** Points: {@code x} and {@code y} hold coordinates; one series per colour group. */
        SCATTER,
        /** A matrix: {@code x} holds column labels, {@code y} row labels, {@code z} the values (rows of x.size()). */
        HEATMAP,
        /** Lines: {@code x} and {@code y} hold each line's points in order; one line per series. */
        LINE
    }

    /** A heatmap's colours, the same in the interactive chart and the image. */
    public enum Scale {
        /** Blue below zero, white at zero, red above, symmetric about zero: correlations. */
        DIVERGING,
        /** White at zero to blue at the largest value: counts, which are never negative. */
        SEQUENTIAL
    }

    /** One trace of a chart. */
    public record Series(String name, List<?> x, List<?> y, List<List<Double>> z) {
        public Series(String name, List<?> x, List<?> y) {
            this(name, x, y, List.of());
        }
    }

    public Chart {
        series = List.copyOf(series);
        guides = List.copyOf(guides);
    }

    /** A chart whose heatmap, if it is one, diverges around zero. */
    public Chart(Kind kind, String title, String xLabel, String yLabel, List<Series> series, String note,
                 List<Series> guides) {
        this(kind, title, xLabel, yLabel, series, note, guides, Scale.DIVERGING);
    }

    /** A chart without guides. */
    public Chart(Kind kind, String title, String xLabel, String yLabel, List<Series> series, String note) {
        this(kind, title, xLabel, yLabel, series, note, List.of());
    }
}
