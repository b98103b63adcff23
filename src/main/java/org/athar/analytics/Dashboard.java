package org.athar.analytics;

/**
 * Everything the Trends page shows at once, counted in one engine request: the time series at a granularity,
 * the breakdowns by governorate, perpetrator and status, and one cross-tab. Each part equals its single call.
 */
public record Dashboard(
        Breakdown series, Breakdown governorates, Breakdown perpetrators, Breakdown statuses, CrossTab crossTab) {}
