package sluice.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/** A matrix drawn as a grid of coloured cells, each labelled with its value when the grid is small enough. */
final class HeatmapImage {
    /** Beyond this many cells the labels would overlap, so only colours remain. */
    static final int LABELLED_CELLS = 400;

    private HeatmapImage() {
    }

    static JFreeChart draw(Chart chart) {
        Chart.Series s = chart.series().get(0);
        String[] columns = s.x().stream().map(String::valueOf).toArray(String[]::new);
        String[] rows = s.y().stream().map(String::valueOf).toArray(String[]::new);
        int n = columns.length * rows.length;
        double[][] xyz = new double[3][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows.length; r++) {
            List<Double> row = PlotlyFigure.numbers(s.z().get(r));
            for (int c = 0; c < columns.length; c++) {
                int i = r * columns.length + c;
                xyz[0][i] = c;
                xyz[1][i] = r;
                xyz[2][i] = c < row.size() && row.get(c) != null ? row.get(c) : Double.NaN;
                if (!Double.isNaN(xyz[2][i])) {
                    lo = Math.min(lo, xyz[2][i]);
                    hi = Math.max(hi, xyz[2][i]);
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(s.name() == null ? "values" : s.name(), xyz);
        // White is zero, as in plotly's figure: the middle of a diverging scale, the bottom of a sequential one.
        double bound = Math.max(Math.abs(lo), Math.abs(hi));
        Scale scale = chart.scale() == Chart.Scale.SEQUENTIAL ? new Scale(0, PlotlyFigure.largest(s.z()), false)
                : new Scale(bound > 0 ? -bound : -1, bound > 0 ? bound : 1, true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(chart.xLabel(), columns);
        SymbolAxis yAxis = new SymbolAxis(chart.yLabel(), rows);
        yAxis.setInverted(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        String format = PlotlyFigure.integral(s.z()) ? "%.0f" : "%.2f";
        if (n <= LABELLED_CELLS) {
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 100 ? 11 : 8);
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(xyz[2][i])) {
                    XYTextAnnotation label = new XYTextAnnotation(String.format(format, xyz[2][i]), xyz[0][i], xyz[1][i]);
                    label.setFont(font);
                    plot.addAnnotation(label);
                }
            }
        }
        JFreeChart drawn = new JFreeChart(chart.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis scaleAxis = new NumberAxis();
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        drawn.addSubtitle(legend);
        return drawn;
    }

    /**
     * Blue through white to red, as {@link PlotlyFigure#DIVERGING}, or white to blue, as
     * {@link PlotlyFigure#SEQUENTIAL}; missing cells grey.
     */
    private record Scale(double lower, double upper, boolean diverging) implements PaintScale {
        private static final Color BLUE = new Color(0x2166AC);
        private static final Color RED = new Color(0xB2182B);

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return Color.LIGHT_GRAY;
            }
            double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
            Color end = diverging && t >= 0.5 ? RED : BLUE;
            double w = diverging ? Math.abs(t - 0.5) * 2 : t;
            return new Color(mix(255, end.getRed(), w), mix(255, end.getGreen(), w), mix(255, end.getBlue(), w));
        }

        private static int mix(int from, int to, double w) {
            return (int) Math.round(from + (to - from) * w);
        }
    }
}
