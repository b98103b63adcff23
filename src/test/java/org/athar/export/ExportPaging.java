package org.athar.export;

/** For the benchmark: how many reports an export reads per engine request, so its raw read uses the same pages. */
public final class ExportPaging {

    public static final int PAGE = ExportService.PAGE;

    private ExportPaging() {}
}
