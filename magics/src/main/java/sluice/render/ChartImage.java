package sluice.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A chart drawn by JFreeChart into a PNG, for readers without JavaScript (GitHub, nbconvert exports). */
final class ChartImage {
    static final int WIDTH = 700;
    static final int HEIGHT = 420;

    static {
        // The kernel has no display; drawing into a BufferedImage needs none once AWT knows it.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartImage() {
    }

    /** The chart as a base64 PNG, the form Jupyter expects for image/png in a bundle. */
    static String base64Png(Chart chart) {
        BufferedImage image = draw(chart).createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    static JFreeChart draw(Chart chart) {
        boolean legend = chart.series().size() > 1 && chart.kind() != Chart.Kind.BOX;
        JFreeChart drawn = switch (chart.kind()) {
            case HISTOGRAM -> histogram(chart, legend);
            case BAR -> bar(chart, legend);
            case BOX -> box(chart);
            case SCATTER -> scatter(chart, legend);
            case HEATMAP -> HeatmapImage.draw(chart);
            case LINE -> line(chart, legend);
        };
        colour(drawn);
        guides(chart, drawn);
        drawn.setBackgroundPaint(Color.WHITE);
        drawn.getPlot().setBackgroundPaint(new Color(0xE5ECF6));
        if (chart.note() != null) {
            drawn.addSubtitle(new TextTitle(chart.note()));
        }
        return drawn;
    }

    /** plotly's default colours, so the image and the interactive chart agree. */
    private static final int[] COLOURS = {0x636EFA, 0xEF553B, 0x00CC96, 0xAB63FA, 0xFFA15A, 0x19D3F3, 0xFF6692, 0xB6E880};

    private static void colour(JFreeChart drawn) {
        for (int i = 0; i < COLOURS.length; i++) {
            if (drawn.getPlot() instanceof CategoryPlot plot) {
                plot.getRenderer().setSeriesPaint(i, new Color(COLOURS[i]));
            } else if (drawn.getPlot() instanceof XYPlot plot && !(plot.getRenderer() instanceof XYBlockRenderer)) {
                plot.getRenderer().setSeriesPaint(i, new Color(COLOURS[i]));
                plot.getRenderer().setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            }
        }
    }

    private static JFreeChart histogram(Chart chart, boolean legend) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (Chart.Series s : chart.series()) {
            XYIntervalSeries series = new XYIntervalSeries(s.name());
            List<Double> edges = PlotlyFigure.numbers(s.x());
            List<Double> counts = PlotlyFigure.numbers(s.y());
            for (int i = 0; i < counts.size() && i + 1 < edges.size(); i++) {
                double lo = edges.get(i);
                double hi = edges.get(i + 1);
                double n = counts.get(i) == null ? 0 : counts.get(i);
                series.add((lo + hi) / 2, lo, hi, n, 0, n);
            }
            data.addSeries(series);
        }
        JFreeChart drawn = ChartFactory.createXYBarChart(chart.title(), chart.xLabel(), false, chart.yLabel(),
                data, PlotOrientation.VERTICAL, legend, false, false);
        XYBarRenderer renderer = (XYBarRenderer) drawn.getXYPlot().getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        return drawn;
    }

    private static JFreeChart bar(Chart chart, boolean legend) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Chart.Series s : chart.series()) {
            List<Double> heights = PlotlyFigure.numbers(s.y());
            for (int i = 0; i < heights.size(); i++) {
                data.addValue(heights.get(i), s.name(), String.valueOf(s.x().get(i)));
            }
        }
        JFreeChart drawn = ChartFactory.createBarChart(chart.title(), chart.xLabel(), chart.yLabel(), data,
                PlotOrientation.VERTICAL, legend, false, false);
        BarRenderer renderer = (BarRenderer) drawn.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        // Long labels under many bars would be cut to "bill_de..."; slanted they stay whole.
        int bars = data.getColumnCount();
        int longest = data.getColumnKeys().stream().mapToInt(k -> k.toString().length()).max().orElse(0);
        if (bars > 0 && longest * 7 > WIDTH / bars) {
            drawn.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            drawn.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.4f);
        }
        return drawn;
    }

    private static JFreeChart box(Chart chart) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (Chart.Series s : chart.series()) {
            List<Double> five = PlotlyFigure.numbers(s.y());
            // Only the five numbers travel, so the mean slot holds the median and is not drawn.
            data.add(new BoxAndWhiskerItem(five.get(2), five.get(2), five.get(1), five.get(3), five.get(0),
                    five.get(4), null, null, List.of()), chart.yLabel(), s.name());
        }
        JFreeChart drawn = ChartFactory.createBoxAndWhiskerChart(chart.title(), chart.xLabel(), chart.yLabel(),
                data, false);
        BoxAndWhiskerRenderer renderer = (BoxAndWhiskerRenderer) drawn.getCategoryPlot().getRenderer();
        renderer.setMeanVisible(false);
        renderer.setMaxOutlierVisible(false);
        renderer.setMinOutlierVisible(false);
        return drawn;
    }

    private static JFreeChart scatter(Chart chart, boolean legend) {
        return ChartFactory.createScatterPlot(chart.title(), chart.xLabel(), chart.yLabel(), points(chart),
                PlotOrientation.VERTICAL, legend, false, false);
    }

    private static JFreeChart line(Chart chart, boolean legend) {
        JFreeChart drawn = ChartFactory.createXYLineChart(chart.title(), chart.xLabel(), chart.yLabel(), points(chart),
                PlotOrientation.VERTICAL, legend, false, false);
        for (int i = 0; i < chart.series().size(); i++) {
            drawn.getXYPlot().getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        return drawn;
    }

    /** Dashed grey segments between consecutive points of each guide, over the data and outside its legend. */
    private static void guides(Chart chart, JFreeChart drawn) {
        if (chart.guides().isEmpty() || !(drawn.getPlot() instanceof XYPlot plot)) {
            return;
        }
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        for (Chart.Series guide : chart.guides()) {
            List<Double> xs = PlotlyFigure.numbers(guide.x());
            List<Double> ys = PlotlyFigure.numbers(guide.y());
            for (int i = 0; i + 1 < xs.size() && i + 1 < ys.size(); i++) {
                plot.addAnnotation(new XYLineAnnotation(xs.get(i), ys.get(i), xs.get(i + 1), ys.get(i + 1), dashed, Color.GRAY));
            }
        }
    }

    private static XYSeriesCollection points(Chart chart) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Chart.Series s : chart.series()) {
            XYSeries series = new XYSeries(s.name(), false, true);
            List<Double> xs = PlotlyFigure.numbers(s.x());
            List<Double> ys = PlotlyFigure.numbers(s.y());
            for (int i = 0; i < xs.size() && i < ys.size(); i++) {
                if (xs.get(i) != null && ys.get(i) != null) {
                    series.add(xs.get(i), ys.get(i), false);
                }
            }
            data.addSeries(series);
        }
        return data;
    }
}
