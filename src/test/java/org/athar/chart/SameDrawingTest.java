package org.athar.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.StandardEntityCollection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart on screen and the exported chart are the same drawing: at the same drawing size, the PNG, the SVG and
 * the PDF put every bar, segment and area at the same place (so titles, labels and axes took the same room).
 */
class SameDrawingTest {

    static Stream<ChartCase> cases() {
        return ChartCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void png_svg_and_pdf_place_every_bar_and_area_at_the_same_coordinates(ChartCase c) {
        ChartSize print = ChartSize.PRINT; // 1600×900 px at 300 dpi: a drawing of 512×288 CSS px
        ChartSize vector = ChartSize.of(512, 288);
        ChartRenderingInfo png = info();
        ChartRenderingInfo svg = info();
        ChartRenderingInfo pdf = info();
        PngOutput.write(drawing(c), print, png);
        SvgOutput.draw(drawing(c), c.text(), c.locale(), vector, svg);
        PdfOutput.write(drawing(c), c.text(), vector, pdf);

        List<Rectangle2D> inPng = places(png);
        assertThat(inPng).hasSize(c.keys().size());
        assertSame(inPng, places(svg), "SVG");
        assertSame(inPng, places(pdf), "PDF");
    }

    private static Drawing drawing(ChartCase c) {
        return ChartRenderer.drawing(c.data(), c.text(), c.locale(), 512, 288);
    }

    private static void assertSame(List<Rectangle2D> expected, List<Rectangle2D> actual, String format) {
        assertThat(actual).as(format).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Rectangle2D e = expected.get(i);
            Rectangle2D a = actual.get(i);
            assertThat(new double[] {a.getX(), a.getY(), a.getWidth(), a.getHeight()})
                    .as("%s item %d", format, i)
                    .containsExactly(
                            new double[] {e.getX(), e.getY(), e.getWidth(), e.getHeight()},
                            org.assertj.core.data.Offset.offset(0.01));
        }
    }

    private static List<Rectangle2D> places(ChartRenderingInfo info) {
        List<Rectangle2D> out = new ArrayList<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            ChartEntity entity = (ChartEntity) o;
            if (entity instanceof CategoryItemEntity || entity instanceof ChoroplethPlot.AreaEntity) {
                out.add(entity.getArea().getBounds2D());
            }
        }
        return out;
    }

    private static ChartRenderingInfo info() {
        return new ChartRenderingInfo(new StandardEntityCollection());
    }
}
