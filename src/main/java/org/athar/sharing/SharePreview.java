package org.athar.sharing;

/** How many reports a package would carry to a recipient, and how many would be held back, without writing it. */
public record SharePreview(long reports, Withheld withheld) {}
