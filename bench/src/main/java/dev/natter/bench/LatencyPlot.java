package dev.natter.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Latency by percentile, the way HdrHistogram's plots show it: the x axis stretches the tail (90 %,
 * 99 %, 99.9 % equally spaced), the y axis is milliseconds.
 */
final class LatencyPlot {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 500;
  private static final int MARGIN = 60;
  private static final double NINES = 4; // up to 99.99 %

  private LatencyPlot() {}

  /** Draws Natter's curve, and raw JMS's when measured, to {@code latency.png} in {@code dir}. */
  static Path write(Path dir, LoadResult load, Baselines.Result baselines) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double maxMillis = Math.max(1, load.latency().getMaxValue() / 1000.0);
    axes(g, maxMillis, load);
    curve(g, load.latency(), maxMillis, new Color(0x1f77b4), "Natter, submit to delivered", 0);
    if (baselines != null) {
      curve(g, baselines.roundTrip(), maxMillis, new Color(0xd62728), "raw JMS round trip", 1);
    }
    g.dispose();
    Files.createDirectories(dir);
    Path file = dir.resolve("latency.png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  private static void axes(Graphics2D g, double maxMillis, LoadResult load) {
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN);
    g.drawLine(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN);
    String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
    for (int nines = 0; nines <= NINES; nines++) {
      int x = x(nines);
      g.drawLine(x, HEIGHT - MARGIN, x, HEIGHT - MARGIN + 5);
      g.drawString(labels[nines], x - 15, HEIGHT - MARGIN + 20);
    }
    for (int tick = 0; tick <= 4; tick++) {
      double millis = maxMillis * tick / 4;
      int y = y(millis, maxMillis);
      g.drawLine(MARGIN - 5, y, MARGIN, y);
      g.drawString(String.format("%.1f", millis), 10, y + 4);
    }
    g.drawString("latency (ms) by percentile", MARGIN, MARGIN - 30);
    Options o = load.options();
    g.drawString(
        o.subscribers() + " subscribers, " + o.rooms() + " rooms, " + o.rate() + " msg/s",
        MARGIN,
        MARGIN - 12);
  }

  private static void curve(
      Graphics2D g, Histogram histogram, double maxMillis, Color color, String name, int row) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2));
    int lastX = -1;
    int lastY = -1;
    for (HistogramIterationValue value : histogram.percentiles(5)) {
      double fraction = value.getPercentileLevelIteratedTo() / 100.0;
      double nines = fraction >= 1 ? NINES : Math.min(NINES, -Math.log10(1 - fraction));
      int x = x(nines);
      int y = y(value.getValueIteratedTo() / 1000.0, maxMillis);
      if (lastX >= 0) {
        g.drawLine(lastX, lastY, x, y);
      }
      lastX = x;
      lastY = y;
    }
    g.drawString(name, WIDTH - MARGIN - 220, MARGIN + 20 * row);
  }

  private static int x(double nines) {
    return MARGIN + (int) ((WIDTH - 2 * MARGIN) * nines / NINES);
  }

  private static int y(double millis, double maxMillis) {
    return HEIGHT
        - MARGIN
        - (int) ((HEIGHT - 2 * MARGIN) * Math.min(millis, maxMillis) / maxMillis);
  }
}
