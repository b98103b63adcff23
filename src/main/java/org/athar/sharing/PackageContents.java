package org.athar.sharing;

import java.util.List;

/** What a written package (or withdrawal notice) holds: the reports written, those held back, and its files. */
public record PackageContents(long reports, Withheld withheld, List<FileEntry> files) {

    public PackageContents {
        files = List.copyOf(files);
    }
}
