package org.athar;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text layer of a rendered document (a PDF from Athar or from LibreOffice), compared the way a reader reads the
 * page rather than the way the text layer happens to store it, so a test gives the same verdict whatever fonts the
 * machine has.
 *
 * <p>Which fonts LibreOffice picks (Debian's {@code fonts-noto-core} or only DejaVu) changes the text layer of the
 * same page: the words of a right-to-left line come back in visual instead of logical order ("أوفيس ليبر" for
 * "ليبر أوفيس"), two words lose the space between them ("البلاغاتحسب"), a stray character lands inside a word
 * ("لح&الات", or a Latin "Z" in an italic caption), a line wraps elsewhere. None of that is visible on the page. So a phrase is found when:
 * <ul>
 *   <li>a phrase written only in left-to-right scripts appears in order, ignoring spaces, punctuation and line
 *       breaks (its letters and digits in a row, across at most as many lines as it has words);</li>
 *   <li>a phrase with Arabic (or any right-to-left) letters has each of its words inside one line, or inside a few
 *       consecutive lines when it may have wrapped, in any order.</li>
 * </ul>
 * Words are compared by their letters and digits only, after NFKC (Arabic presentation forms and the lam-alef
 * ligature become plain letters), without combining marks (harakat) and without tatweel (LibreOffice stretches
 * justified Arabic with it).
 */
public final class RenderedText {

    private final String raw;
    private final List<String> lines;

    private RenderedText(String raw) {
        this.raw = raw;
        this.lines = Arrays.stream(raw.split("\\R"))
                .map(line -> STRAY_LATIN.matcher(line).replaceAll(""))
                .map(RenderedText::lettersAndDigits)
                .toList();
    }

    /**
     * One Latin letter alone between Arabic letters (spaces and direction marks around it allowed): LibreOffice 7.4 on
     * Debian 12 puts a "Z" into the text layer of an italic Arabic caption ("البلاغات حسب Z المحZافظة") that the page
     * does not show.
     */
    private static final java.util.regex.Pattern STRAY_LATIN =
            java.util.regex.Pattern.compile("(?<=\\p{IsArabic}[\\s\\u200E\\u200F\\u202A-\\u202E]{0,3})[A-Za-z]"
                    + "(?=[\\s\\u200E\\u200F\\u202A-\\u202E]{0,3}\\p{IsArabic})");

    public static RenderedText of(PDDocument pdf) throws IOException {
        return new RenderedText(new PDFTextStripper().getText(pdf));
    }

    public static RenderedText ofPdf(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return of(doc);
        }
    }

    public static RenderedText ofPdf(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return of(doc);
        }
    }

    /** Text extracted by another tool (pdftotext, a screen reader's dump), compared the same way. */
    public static RenderedText ofExtracted(String text) {
        return new RenderedText(text);
    }

    /** Whether a reader of the page sees {@code phrase} (see the class comment for what counts). */
    public boolean has(String phrase) {
        List<String> words = words(phrase);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("'" + phrase + "' has no letter or digit to look for");
        }
        boolean rightToLeft = phrase.codePoints().anyMatch(RenderedText::rightToLeft);
        String inOrder = String.join("", words);
        for (int first = 0; first < lines.size(); first++) {
            StringBuilder window = new StringBuilder();
            for (int last = first; last < Math.min(lines.size(), first + words.size()); last++) {
                window.append(lines.get(last));
                String seen = window.toString();
                if (rightToLeft ? words.stream().allMatch(seen::contains) : seen.contains(inOrder)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The phrases a reader does not see, in the order given: empty when every one is there. */
    public List<String> missing(String... phrases) {
        List<String> missing = new ArrayList<>();
        for (String p : phrases) {
            if (!has(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    /** The text layer as extracted, for negative checks on exact strings and for failure messages. */
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return raw;
    }

    /** The words of {@code phrase} as compared: letters and digits only, split at anything else. */
    static List<String> words(String phrase) {
        String clean = Normalizer.normalize(phrase, Normalizer.Form.NFKC).replaceAll("[\\p{M}\\u0640]", "");
        return Arrays.stream(clean.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static String lettersAndDigits(String line) {
        return String.join("", words(line));
    }

    private static boolean rightToLeft(int codePoint) {
        byte d = Character.getDirectionality(codePoint);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }
}
