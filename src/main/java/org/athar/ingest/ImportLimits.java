package org.athar.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code athar.import.*}: how large an upload may be and the guards on workbooks (docs/configuration.md). The
 * largest upload also sets Spring's multipart limits (application.properties), so the API and the Import page refuse
 * the same files.
 *
 * @param maxFileSize the largest upload (API and Import page), e.g. {@code 500MB} or {@code 2GB}
 * @param maxRows the most rows one import may hold
 * @param xlsx Apache POI's guards against workbooks that expand to gigabytes
 */
@ConfigurationProperties("athar.import")
public record ImportLimits(
        @DefaultValue("2GB") DataSize maxFileSize,
        @DefaultValue("2000000") long maxRows,
        @DefaultValue Xlsx xlsx) {

    public ImportLimits {
        if (maxRows < 1 || maxRows > ImportRun.MAX_ROWS) {
            throw new IllegalArgumentException("athar.import.max-rows is " + maxRows + "; set it from 1 to "
                    + ImportRun.MAX_ROWS + " (split larger files)");
        }
        if (maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "athar.import.max-file-size is " + maxFileSize + "; set a positive size such as 500MB or 2GB");
        }
    }

    /**
     * {@code athar.import.xlsx.*}: Apache POI's guards against "zip bombs", small workbooks that expand to gigabytes.
     * A workbook saved by Excel or LibreOffice compresses at most about 100 to 1, far within the defaults.
     *
     * @param minInflateRatio a part of the workbook may expand to at most 1 / this times its compressed size
     * @param maxEntrySize the largest a single part (a sheet's XML) may expand to; at most 4 GB (the zip format's
     *     own limit)
     * @param maxTextSize the most characters of text read from a workbook when extracting text
     */
    public record Xlsx(
            @DefaultValue("0.01") double minInflateRatio,
            @DefaultValue("4095MB") DataSize maxEntrySize,
            @DefaultValue("10000000") long maxTextSize) {

        public Xlsx {
            if (minInflateRatio <= 0 || minInflateRatio >= 1) {
                throw new IllegalArgumentException("athar.import.xlsx.min-inflate-ratio is " + minInflateRatio
                        + "; set it between 0 and 1, e.g. 0.01 (a part may expand 100 times)");
            }
        }
    }

    /** The largest upload as people say it: "2GB", "500MB". */
    public String maxFileSizeText() {
        long bytes = maxFileSize.toBytes();
        if (bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return bytes / DataSize.ofGigabytes(1).toBytes() + " GB";
        }
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return bytes / DataSize.ofMegabytes(1).toBytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return bytes / DataSize.ofKilobytes(1).toBytes() + " KB";
        }
        return bytes + " bytes";
    }
}
