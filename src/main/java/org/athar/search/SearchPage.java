package org.athar.search;

import java.util.List;
import java.util.Optional;
import org.athar.report.VisibleReport;

/**
 * One page of results: the exact total, how many reports a date range left out as too imprecise (or undated), the
 * reports as the viewer may see them, and the opaque cursor of the next page when there is one.
 */
public record SearchPage(long total, long imprecise, List<VisibleReport> hits, Optional<String> next) {}
