package org.athar.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.athar.report.Gender;
import org.athar.report.ReportStatus;

/**
 * Short narratives from templates. Each opens with {@link #MARKER_EN} or {@link #MARKER_AR}, so a demo
 * record read on its own, in a search hit or an export, still says that it is invented.
 */
final class DemoNarratives {

    static final String MARKER_EN = "Synthetic demo record.";
    static final String MARKER_AR = "سجل تجريبي.";

    // {p} is the place, {by} the perpetrator as prose names it.
    private static final List<String> TAKEN_EN = List.of(
            "Arrested at a checkpoint in {p} by {by}; the family has had no news since.",
            "Taken from the family home in {p} during a raid by {by}.",
            "Detained by {by} while travelling through {p}; whereabouts unknown.",
            "Arrested by {by} in {p}; a released detainee later said he had seen the person in detention.",
            "Summoned for questioning in {p} by {by} and never came back.");
    private static final List<String> TAKEN_AR_MALE = List.of(
            "اعتُقل على حاجز في {p} من قبل {by} ولم تتلق العائلة أي خبر منذ ذلك الحين.",
            "اقتيد من منزل العائلة في {p} خلال مداهمة نفذتها {by}.",
            "احتُجز لدى {by} أثناء مروره في {p} ولا يُعرف مكانه.",
            "استُدعي للتحقيق في {p} من قبل {by} ولم يعد.");
    private static final List<String> TAKEN_AR_FEMALE = List.of(
            "اعتُقلت على حاجز في {p} من قبل {by} ولم تتلق العائلة أي خبر منذ ذلك الحين.",
            "اقتيدت من منزل العائلة في {p} خلال مداهمة نفذتها {by}.",
            "احتُجزت لدى {by} أثناء مرورها في {p} ولا يُعرف مكانها.",
            "استُدعيت للتحقيق في {p} من قبل {by} ولم تعد.");
    private static final String RELEASED_EN = "Detained by {by} in {p} and later released.";
    private static final String RELEASED_AR_MALE = "اعتُقل في {p} من قبل {by} ثم أُفرج عنه لاحقاً.";
    private static final String RELEASED_AR_FEMALE = "اعتُقلت في {p} من قبل {by} ثم أُفرج عنها لاحقاً.";
    private static final String DEAD_EN = "Detained by {by} in {p}; the family was later told of the death in custody.";
    private static final String DEAD_AR_MALE = "اعتُقل في {p} من قبل {by} وأُبلغت العائلة لاحقاً بوفاته في الاحتجاز.";
    private static final String DEAD_AR_FEMALE =
            "اعتُقلت في {p} من قبل {by} وأُبلغت العائلة لاحقاً بوفاتها في الاحتجاز.";

    private DemoNarratives() {}

    /** A narrative for the person; Arabic templates agree with the person's gender (masculine when unknown). */
    static String narrative(DemoPerson person, String place, boolean arabic, SplittableRandom random) {
        boolean female = person.gender() == Gender.FEMALE;
        String template;
        if (person.status() == ReportStatus.RELEASED) {
            template = arabic ? (female ? RELEASED_AR_FEMALE : RELEASED_AR_MALE) : RELEASED_EN;
        } else if (person.status() == ReportStatus.DEAD) {
            template = arabic ? (female ? DEAD_AR_FEMALE : DEAD_AR_MALE) : DEAD_EN;
        } else {
            List<String> templates = arabic ? (female ? TAKEN_AR_FEMALE : TAKEN_AR_MALE) : TAKEN_EN;
            template = templates.get(random.nextInt(templates.size()));
        }
        String by = DemoVocabulary.perpetratorInProse(
                person.perpetrator(), person.disappearedOn().getYear(), arabic);
        return (arabic ? MARKER_AR : MARKER_EN) + " "
                + template.replace("{p}", place).replace("{by}", by);
    }
}
