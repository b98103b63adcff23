package org.athar.search;

import java.util.List;
import java.util.Optional;
import org.athar.report.Report;

/**
 * One page of results: the exact total, how many reports a date range left out as too imprecise (or undated), the
 * reports, and the opaque cursor of the next page when there is one.
 */
public record SearchPage(long total, long imprecise, List<Report> hits, Optional<String> next) {}
