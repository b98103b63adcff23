package org.athar.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Hostile workbooks built in memory: a genuine one from POI with some of its parts replaced. */
public final class CraftedWorkbooks {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    private CraftedWorkbooks() {}

    /** A workbook with a header (report_id, victim_name) and one row, whose parts named in {@code replaced} differ. */
    public static byte[] with(Map<String, String> replaced) throws IOException {
        ByteArrayOutputStream genuine = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("reports");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("report_id");
            header.createCell(1).setCellValue("victim_name");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("R1");
            row.createCell(1).setCellValue("Synthetic Person");
            book.write(genuine);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(genuine.toByteArray()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                String replacement = replaced.get(e.getName());
                zip.write(
                        replacement == null
                                ? in.readAllBytes()
                                : replacement.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A workbook whose sheet expands by {@code padding} characters of whitespace, about a thousand-fold. */
    public static byte[] bomb(int padding) throws IOException {
        return with(Map.of(SHEET, paddedSheet(padding)));
    }

    /** A sheet whose header row is followed by {@code padding} characters of whitespace before its second row. */
    static String paddedSheet(int padding) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>report_id</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>victim_name</t></is></c></row>"
                + " ".repeat(padding)
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>R1</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>Synthetic Person</t></is></c></row>"
                + "</sheetData></worksheet>";
    }
}
