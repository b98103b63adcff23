package org.athar.platform;

/**
 * The one formula-injection rule of every file Athar writes for a spreadsheet (exports in CSV and XLSX, the rejected
 * rows of an import, the audit log's CSV): a text that a spreadsheet would run as a
 * formula, because it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, is written
 * with a leading apostrophe, as OWASP recommends. Excel and LibreOffice then show it as text and never evaluate it;
 * Athar's importer removes the apostrophe again, so an exported file imports back unchanged.
 */
public final class FormulaGuard {

    private static final String TRIGGERS = "=+-@\t\r";

    private FormulaGuard() {}

    /** Whether a spreadsheet could take {@code text} for a formula. */
    public static boolean triggers(String text) {
        return !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0;
    }

    /** {@code text} as written into a cell: unchanged, or with a leading apostrophe when it could run as a formula. */
    public static String safe(String text) {
        return triggers(text) ? "'" + text : text;
    }

    /**
     * The inverse of {@link #safe}: a cell read from a file Athar wrote (a downloaded rejected-rows CSV or export)
     * without the apostrophe that guarded it, so the file re-imports unchanged; any other text as it is.
     */
    public static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && triggers(cell.substring(1)) ? cell.substring(1) : cell;
    }
}
