package org.athar.chart;

import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;

/**
 * A chart ready to draw in any format, and how each of its bars or regions is described in the interactive SVG.
 * Building the drawing once and writing it through every format is what keeps screen and export the same.
 */
record Drawing(JFreeChart chart, Function<ChartEntity, Optional<Slice>> slices) {}
