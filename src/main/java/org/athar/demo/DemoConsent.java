package org.athar.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The consent columns of a demo report (issue 21): about 70 % yes for any recipient, 8 % yes naming one or two
 * partners, 12 % no and 10 % unknown (left empty, as most files leave it). Drawn from a generator seeded with the
 * demo seed and the report's source and id, never from the generator of the other columns, so adding consent
 * changed no other value of the demo file.
 */
final class DemoConsent {

    /** The four columns this class fills, appended after the other columns of the demo file. */
    static final List<String> HEADER = List.of("consent_to_share", "share_with", "consent_date", "consent_note");

    private static final List<String> PARTNERS = List.of("UN IIMP", "ICMP", "Syrian Archive");
    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    private static final int DAYS = 6 * 365;

    private DemoConsent() {}

    /** {@code values} (report_id first, source second) followed by the four consent values. */
    static String[] append(long seed, String[] values) {
        String[] out = new String[values.length + HEADER.size()];
        System.arraycopy(values, 0, out, 0, values.length);
        // String.hashCode is fixed by the language, so the same report gets the same consent on every JVM.
        long key = seed * 31 + ((long) values[1].hashCode() << 32) + values[0].hashCode();
        SplittableRandom random = new SplittableRandom(key);
        double draw = random.nextDouble();
        String date = FIRST_DAY.plusDays(random.nextInt(DAYS)).toString();
        String[] consent;
        if (draw < 0.70) {
            consent = new String[] {"yes", "any", date, ""};
        } else if (draw < 0.78) {
            consent = new String[] {"yes", partners(random), date, ""};
        } else if (draw < 0.90) {
            consent = new String[] {"no", "", date, ""};
        } else {
            consent = new String[] {"", "", "", ""};
        }
        System.arraycopy(consent, 0, out, values.length, consent.length);
        return out;
    }

    private static String partners(SplittableRandom random) {
        int first = random.nextInt(PARTNERS.size());
        if (random.nextBoolean()) {
            return PARTNERS.get(first);
        }
        int second = (first + 1 + random.nextInt(PARTNERS.size() - 1)) % PARTNERS.size();
        return PARTNERS.get(first) + "; " + PARTNERS.get(second);
    }
}
