package org.athar.export;

import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.TextAlignment;
import org.apache.poi.xddf.usermodel.text.XDDFTextBody;
import org.apache.poi.xddf.usermodel.text.XDDFTextParagraph;
import org.apache.poi.xddf.usermodel.text.XDDFTextRun;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;

/**
 * The workbook's native charts (POI XDDF) over a sheet's cells: columns (stacked for several series) or a line for
 * time. Each carries, like every chart Athar draws, its title, the source line and the caveat (as title lines, so a
 * chart copied into a document keeps them); in Arabic the categories run from the right, the value axis stands on
 * the right and the title lines are right-aligned.
 */
final class WorkbookCharts {

    /** The chart's words: its title, the source line and the caveat of the rendered charts. */
    record Lines(String title, String source, String caveat) {}

    /** The colours of Athar's charts (Okabe–Ito, readable with colour blindness), as in ChartStyle. */
    private static final byte[][] PALETTE = {
        {0x00, 0x72, (byte) 0xB2},
        {(byte) 0xE6, (byte) 0x9F, 0x00},
        {0x00, (byte) 0x9E, 0x73},
        {(byte) 0xD5, 0x5E, 0x00},
        {0x56, (byte) 0xB4, (byte) 0xE9},
        {(byte) 0xCC, 0x79, (byte) 0xA7},
        {(byte) 0xF0, (byte) 0xE4, 0x42},
        {0x33, 0x33, 0x33}
    };

    private static final byte[] GREY = {0x55, 0x55, 0x55};

    private WorkbookCharts() {}

    /** A chart over rows {@code firstRow..lastRow}: categories in one column, one series per value column. */
    static void chart(
            XSSFSheet sheet,
            Lines lines,
            boolean rightToLeft,
            int firstRow,
            int lastRow,
            int categoryColumn,
            List<Integer> valueColumns,
            boolean line,
            boolean stacked,
            int anchorColumn) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, anchorColumn, 1, anchorColumn + 12, 25);
        XSSFChart chart = drawing.createChart(anchor);
        title(chart, lines, rightToLeft);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(rightToLeft ? AxisPosition.RIGHT : AxisPosition.LEFT);
        if (rightToLeft) {
            // The first category on the right, as Arabic reads; the value axis then crosses at the right edge.
            x.setOrientation(AxisOrientation.MAX_MIN);
        }
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(
                sheet, new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn));
        XDDFChartData data = chart.createData(line ? ChartTypes.LINE : ChartTypes.BAR, x, y);
        int index = 0;
        for (int column : valueColumns) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(
                    sheet, new CellRangeAddress(firstRow, lastRow, column, column));
            XDDFChartData.Series series = data.addSeries(categories, values);
            series.setTitle(
                    sheet.getRow(0).getCell(column).getStringCellValue(),
                    new CellReference(sheet.getSheetName(), 0, column, true, true));
            // An explicit colour (the charts' Okabe–Ito palette): without one LibreOffice draws the series empty.
            XDDFSolidFillProperties fill =
                    new XDDFSolidFillProperties(XDDFColor.from(PALETTE[index++ % PALETTE.length]));
            if (series instanceof XDDFLineChartData.Series s) {
                s.setMarkerStyle(MarkerStyle.NONE);
                s.setSmooth(false);
                XDDFLineProperties stroke = new XDDFLineProperties(fill);
                stroke.setWidth(2.25);
                s.setLineProperties(stroke);
            } else {
                series.setFillProperties(fill);
            }
        }
        data.setVaryColors(false);
        if (data instanceof XDDFBarChartData bars) {
            bars.setBarDirection(BarDirection.COL);
            if (stacked) {
                bars.setBarGrouping(BarGrouping.STACKED);
            }
        }
        chart.plot(data);
        if (stacked) {
            fullOverlap(chart);
        }
        if (valueColumns.size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
    }

    /** The title in bold, then the source line and the caveat smaller and grey, each its own paragraph. */
    private static void title(XSSFChart chart, Lines lines, boolean rightToLeft) {
        chart.setTitleText(lines.title());
        chart.setTitleOverlay(false);
        XDDFTextBody body = chart.getTitle().getBody();
        XDDFTextParagraph heading = body.getParagraph(0);
        heading.getTextRuns().forEach(r -> {
            r.setBold(true);
            r.setFontSize(14.0);
        });
        for (String text : List.of(lines.source(), lines.caveat())) {
            XDDFTextRun run = body.addNewParagraph().appendRegularRun(text);
            run.setBold(false);
            run.setFontSize(9.0);
            run.setFontColor(XDDFColor.from(GREY));
        }
        for (XDDFTextParagraph p : body.getParagraphs()) {
            p.setTextAlignment(rightToLeft ? TextAlignment.RIGHT : TextAlignment.CENTER);
            if (rightToLeft) {
                p.setRightToLeft(true);
            }
        }
    }

    /**
     * {@code <c:overlap val="100"/>}, without which Excel draws the segments of a stacked column side by side. Written
     * into the XML directly: POI's own setter needs a schema type that poi-ooxml-lite does not ship.
     */
    private static void fullOverlap(XSSFChart chart) {
        try (XmlCursor cursor =
                chart.getCTChart().getPlotArea().getBarChartArray(0).newCursor()) {
            cursor.toFirstChild();
            while (!"axId".equals(cursor.getName().getLocalPart()) && cursor.toNextSibling()) {
                // the overlap goes right before the axis ids
            }
            cursor.beginElement(new QName("http://schemas.openxmlformats.org/drawingml/2006/chart", "overlap", "c"));
            cursor.insertAttributeWithValue("val", "100");
        }
    }
}
