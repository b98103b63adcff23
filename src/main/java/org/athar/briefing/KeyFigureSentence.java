package org.athar.briefing;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.Breakdown;
import org.athar.analytics.Bucket;
import org.athar.analytics.Disclosure;
import org.athar.i18n.Messages;
import org.athar.search.Count;
import org.athar.search.Dimension;

/**
 * A key figure in words, from the breakdown behind it: "1,204 people documented as disappeared, 61 % attributed to
 * …". A withheld count reads "withheld", never "fewer than k": under the public profile a figure may be withheld to
 * protect another one, and then it is not small. A share is computed from published figures only: a withheld part
 * or a withheld total has no percentage.
 */
final class KeyFigureSentence {

    private final Messages messages;

    KeyFigureSentence(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param counting what the figure counts (persons or reports), said in the sentence
     * @param shareOf the dimension of {@code b} to take a share in, with {@code shareKey} the bucket, if any
     */
    String of(Breakdown b, Count counting, Optional<Dimension> shareOf, Optional<String> shareKey, Locale locale) {
        OptionalLong total = b.total();
        String counted = counting == Count.PERSONS ? "briefing.figure.count" : "briefing.figure.count.reports";
        String count;
        if (total.isEmpty()) {
            count = messages.get(counted + ".withheld", locale);
        } else if (total.getAsLong() == 1) {
            count = messages.get(counted + ".one", locale);
        } else {
            count = messages.get(counted, locale, Disclosure.shown(total, locale));
        }
        if (shareOf.isEmpty() || total.isEmpty() || total.getAsLong() == 0) {
            return messages.get("briefing.figure.sentence", locale, count);
        }
        String key = shareKey.orElseThrow(
                () -> new IllegalArgumentException("a share of " + shareOf.get().parameter()
                        + " needs a share_key (BriefingRules checks this when a briefing is saved)"));
        Optional<Bucket> bucket =
                b.buckets().stream().filter(x -> x.key().equals(key)).findFirst();
        String label = bucket.map(Bucket::label)
                .orElseGet(() -> messages.get("vocab." + shareOf.get().parameter() + "." + key, locale));
        OptionalLong part = bucket.map(Bucket::count).orElse(OptionalLong.of(0));
        String share = part.isEmpty()
                ? messages.get("briefing.figure.share.withheld", locale, label)
                : messages.get(
                        "briefing.figure.share." + shareOf.get().parameter(),
                        locale,
                        percent(part.getAsLong(), total.getAsLong(), locale),
                        label);
        return messages.get("briefing.figure.sentence.share", locale, count, share);
    }

    /** Whole percent, rounded half up; Western digits in Arabic too. */
    static String percent(long part, long total, Locale locale) {
        return Disclosure.shown(OptionalLong.of(Math.round(100.0 * part / total)), locale);
    }
}
