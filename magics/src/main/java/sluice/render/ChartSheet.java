package sluice.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Several charts as one PNG, two to a row: a bundle has room for one image/png, and a reader that shows
 * only that (no HTML) should still see every plot of a report.
 */
public final class ChartSheet {
    static final int COLUMNS = 2;

    private ChartSheet() {
    }

    /** The charts drawn side by side, as a base64 PNG. */
    public static String base64Png(List<Chart> charts) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("A sheet needs at least one chart");
        }
        int columns = Math.min(COLUMNS, charts.size());
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * ChartImage.WIDTH, rows * ChartImage.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                Rectangle2D area = new Rectangle2D.Double((i % columns) * ChartImage.WIDTH, (i / columns) * ChartImage.HEIGHT,
                        ChartImage.WIDTH, ChartImage.HEIGHT);
                ChartImage.draw(charts.get(i)).draw(g, area);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(sheet, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
