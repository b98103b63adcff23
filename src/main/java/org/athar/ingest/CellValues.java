package org.athar.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Turns the number stored in a sheet cell into the text a user means: an ISO date for a date-formatted cell (never
 * the display string, which follows the author's locale), otherwise the number as Excel's General format shows it.
 */
final class CellValues {

    /** Excel shows and computes with 15 significant digits; the 17 it may store are binary noise (36.100000000000001). */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    CellValues(StylesTable styles, boolean date1904) {
        this.styles = styles;
        this.date1904 = date1904;
    }

    /** {@code stored} as written in the sheet XML; {@code style} the cell's style index. */
    String number(String stored, int style) {
        BigDecimal number = new BigDecimal(stored.strip());
        if (isDateStyle(style) && DateUtil.isValidExcelDate(number.doubleValue())) {
            return DateUtil.getLocalDateTime(number.doubleValue(), date1904)
                    .toLocalDate()
                    .toString();
        }
        return number.round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    private boolean isDateStyle(int style) {
        return dateStyles.computeIfAbsent(style, index -> {
            if (index < 0 || index >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(index);
            return DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }
}
