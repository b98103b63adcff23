package org.athar.ingest;

/** Why a row was rejected: its data-row number (from 1), the column at fault and a message saying what to fix. */
public record RowError(long row, String field, String message) {}
