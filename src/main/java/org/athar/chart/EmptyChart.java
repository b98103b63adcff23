package org.athar.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.CrossTab;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.ui.TextAnchor;

/**
 * A chart whose filters match nothing: in place of empty axes (which read as "the figures are zero everywhere" or
 * as a drawing that failed), the plot says that no reports (or persons) match, in the reader's language. Title,
 * filters, notes, caveat and footer stay, so the reader sees which filters matched nothing.
 */
final class EmptyChart {

    private EmptyChart() {}

    /**
     * Whether the statistic holds no report at all: every figure published and zero (or none), nothing left off the
     * time axis. A withheld figure may hide reports, so a chart with one is drawn as usual.
     */
    static boolean matchesNothing(ChartData data) {
        if (data instanceof ChartData.StackedBars s) {
            CrossTab t = s.crossTab();
            return zeros(Stream.concat(
                            Stream.concat(t.cells().stream().flatMap(List::stream), t.rowTotals().stream()),
                            Stream.of(t.imprecise())))
                    && t.total().orElse(0) == 0;
        }
        Breakdown b = data instanceof ChartData.Timeline t
                ? t.breakdown()
                : data instanceof ChartData.Bars bars
                        ? bars.breakdown()
                        : data instanceof ChartData.GovernorateMap g
                                ? g.breakdown()
                                : ((ChartData.DistrictMap) data).breakdown();
        // A withheld total beside published zeros is still nothing: the buckets add up to it.
        return zeros(Stream.concat(b.buckets().stream().map(Bucket::count), Stream.of(b.imprecise())))
                && b.total().orElse(0) == 0;
    }

    private static boolean zeros(Stream<OptionalLong> figures) {
        return figures.allMatch(f -> f.isPresent() && f.getAsLong() == 0);
    }

    static Drawing build(String message, ChartText text, ChartStyle style) {
        return new Drawing(
                ChartLayout.chart(new MessagePlot(style.directed(message), style), text, style, false),
                entity -> Optional.empty());
    }

    /** The plot area framed lightly, the message in its middle. */
    private static final class MessagePlot extends Plot {
        private final String message;
        private final transient ChartStyle style;

        MessagePlot(String message, ChartStyle style) {
            this.message = message;
            this.style = style;
            setOutlineVisible(false);
            setBackgroundPaint(Color.WHITE);
        }

        @Override
        public String getPlotType() {
            return "No data";
        }

        @Override
        public void draw(
                Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
            if (info != null) {
                info.setPlotArea(area);
                info.setDataArea(area);
            }
            double inset = style.px(4);
            double r = style.px(6);
            g2.setPaint(ChartStyle.GRID);
            g2.setStroke(new BasicStroke((float) style.px(1)));
            g2.draw(new RoundRectangle2D.Double(
                    area.getX() + inset,
                    area.getY() + inset,
                    area.getWidth() - 2 * inset,
                    area.getHeight() - 2 * inset,
                    r,
                    r));
            g2.setPaint(ChartStyle.INK);
            g2.setFont(ChartFonts.regular((float) style.px(13)));
            ChoroplethPlot.text(g2, message, area.getCenterX(), area.getCenterY(), TextAnchor.CENTER);
        }
    }
}
