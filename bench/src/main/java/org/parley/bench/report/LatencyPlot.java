package org.parley.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.imageio.ImageIO;
import org.parley.bench.load.RunResult;

/**
 * Draws latency percentiles (log scale) against offered load for each server, from the benchmark's own results,
 * as a PNG: solid p50, dashed p99, dotted p99.9; one colour per server; the 20 ms target as a grey line.
 */
public final class LatencyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final double MIN_MICROS = 100;
    private static final double MAX_MICROS = 10_000_000;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    public static void write(String title, List<List<StepResult>> series, Path file) throws IOException {
        double maxLoad = series.stream().flatMap(List::stream).mapToDouble(StepResult::offered).max().orElse(1);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        for (double micros = MIN_MICROS; micros <= MAX_MICROS; micros *= 10) {
            int y = y(micros);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            g.drawString(label(micros), 10, y + 4);
        }
        for (int i = 0; i <= 5; i++) {
            double load = maxLoad * i / 5;
            int x = x(load, maxLoad);
            g.drawString(String.format("%,.0f", load), x - 20, HEIGHT - BOTTOM + 18);
        }
        g.drawString("offered deliveries per second", WIDTH / 2 - 90, HEIGHT - 15);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, y(20_000), WIDTH - RIGHT, y(20_000));
        g.drawString("p99 target 20 ms", WIDTH - RIGHT - 110, y(20_000) - 4);
        for (int s = 0; s < series.size(); s++) {
            List<StepResult> steps = series.get(s);
            if (steps.isEmpty()) {
                continue;
            }
            g.setColor(COLOURS[s % COLOURS.length]);
            line(g, steps, RunResult::p50, maxLoad, new BasicStroke(2));
            line(g, steps, RunResult::p99, maxLoad, new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10, new float[] {8, 5}, 0));
            line(g, steps, RunResult::p999, maxLoad, new BasicStroke(2, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10, new float[] {2, 4}, 0));
            g.drawString(steps.get(0).server() + ": p50 solid, p99 dashed, p99.9 dotted", LEFT + 10,
                    TOP + 18 + 16 * s);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void line(Graphics2D g, List<StepResult> steps, ToLongFunction<RunResult> percentile,
            double maxLoad, BasicStroke stroke) {
        g.setStroke(stroke);
        for (int i = 1; i < steps.size(); i++) {
            StepResult a = steps.get(i - 1);
            StepResult b = steps.get(i);
            g.drawLine(x(a.offered(), maxLoad), y(percentile.applyAsLong(a.median())), x(b.offered(), maxLoad),
                    y(percentile.applyAsLong(b.median())));
        }
    }

    private static int x(double load, double maxLoad) {
        return LEFT + (int) ((WIDTH - LEFT - RIGHT) * load / maxLoad);
    }

    private static int y(double micros) {
        double clamped = Math.max(MIN_MICROS, Math.min(MAX_MICROS, micros));
        double share = Math.log10(clamped / MIN_MICROS) / Math.log10(MAX_MICROS / MIN_MICROS);
        return HEIGHT - BOTTOM - (int) ((HEIGHT - TOP - BOTTOM) * share);
    }

    private static String label(double micros) {
        return micros >= 1000 ? String.format("%,.0f ms", micros / 1000) : String.format("%.1f ms", micros / 1000);
    }
}
