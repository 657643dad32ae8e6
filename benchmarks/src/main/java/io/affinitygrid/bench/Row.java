package io.affinitygrid.bench;

/**
 * One line of the results: a measured quantity for the subject (the grid way) and for its baseline, and
 * their ratio. Immutable; a row whose measurement could not be made has null stats and a note saying why.
 *
 * @param scenario scenario letter, e.g. {@code a}
 * @param measure what is measured, with its unit, e.g. {@code sum(amount) time, ms}
 * @param subject what the grid side is, e.g. {@code co-located}
 * @param subjectStats its runs
 * @param baseline what it is compared with, e.g. {@code pull by partition}
 * @param baselineStats its runs
 * @param ratioOf how the ratio is formed, e.g. {@code pull ÷ co-located}
 * @param ratio the ratio of the medians
 * @param target the ratio's target, or null when there is none
 * @param note caveat or reason for a missing value; may be empty
 */
public record Row(String scenario, String measure, String subject, Stats subjectStats, String baseline,
        Stats baselineStats, String ratioOf, double ratio, Target target, String note) {

    /** A row whose ratio is baseline ÷ subject: for times, how many times faster the subject is. */
    public static Row baselineOverSubject(String scenario, String measure, String subject, Stats subjectStats, String baseline,
            Stats baselineStats, Target target, String note) {
        return new Row(scenario, measure, subject, subjectStats, baseline, baselineStats, baseline + " ÷ " + subject,
                baselineStats.median() / subjectStats.median(), target, note);
    }

    /** A row whose ratio is subject ÷ baseline: for times, how many times slower the subject is. */
    public static Row subjectOverBaseline(String scenario, String measure, String subject, Stats subjectStats, String baseline,
            Stats baselineStats, Target target, String note) {
        return new Row(scenario, measure, subject, subjectStats, baseline, baselineStats, subject + " ÷ " + baseline,
                subjectStats.median() / baselineStats.median(), target, note);
    }

    /** A row that could not be measured; {@code note} says why and what to do. */
    public static Row unavailable(String scenario, String measure, String subject, Stats subjectStats, String baseline,
            Target target, String note) {
        return new Row(scenario, measure, subject, subjectStats, baseline, null, "", Double.NaN, target, note);
    }

    /** A row for a scenario that failed; the note carries the error, the harness's stderr its stack trace. */
    public static Row failed(String scenario, Throwable error) {
        return new Row(scenario, "scenario failed", "", null, "", null, "", Double.NaN, null,
                "FAILED: " + String.valueOf(error.getMessage()).replace('\n', ' ').replace('|', '/'));
    }

    /** "yes", "no", or "—" when the row has no target or no ratio. */
    public String met() {
        if (target == null || Double.isNaN(ratio)) {
            return "—";
        }
        return target.met(target.ofSubject() ? subjectStats.median() : ratio) ? "yes" : "no";
    }
}
