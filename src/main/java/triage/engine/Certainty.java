package triage.engine;

import java.util.Collection;

/**
 * The certainty calculus, in one place: MYCIN-style certainty factors.
 * <ul>
 *   <li>Each rule gives a cause a certainty factor in (0, 1]; a rule that matches several times
 *       counts once, with its strongest factor.</li>
 *   <li>Factors for a cause from different rules combine as {@code a + b(1 - a)}: independent
 *       evidence accumulates but never exceeds 1.</li>
 *   <li>Evidence against combines the same way into a disbelief {@code N}; the confidence is
 *       {@code (P - N) / (1 - min(P, N))}, floored at 0.</li>
 * </ul>
 */
public final class Certainty {

    /** A cause at or above this confidence is reported. */
    public static final double REPORT = 0.5;
    /** A cause at or above this (but below {@link #REPORT}) is a candidate worth checking. */
    public static final double CANDIDATE = 0.2;

    /*
     * The scale rules conclude with: how strongly one rule's evidence, alone, points at its cause.
     * A rule names a level, never a bare number; see docs/knowledge-base.md for when to use which.
     */
    /** The evidence names the cause outright: an error code or message that means only this. */
    public static final double CONCLUSIVE = 0.9;
    /** Specific evidence that few other causes produce; reported on its own. */
    public static final double STRONG = 0.8;
    /** Good evidence that some sibling causes could also produce; reported on its own. */
    public static final double PROBABLE = 0.7;
    /** Evidence that points this way and is reported on its own, but only just. */
    public static final double LIKELY = 0.6;
    /** Points this way; needs a second sign to be reported. */
    public static final double SUGGESTIVE = 0.4;
    /** A weak sign: makes the cause a candidate to check, no more. */
    public static final double HINT = 0.3;

    private static final java.util.Map<String, Double> LEVELS = java.util.Map.of(
            "CONCLUSIVE", CONCLUSIVE, "STRONG", STRONG, "PROBABLE", PROBABLE, "LIKELY", LIKELY,
            "SUGGESTIVE", SUGGESTIVE, "HINT", HINT);

    private Certainty() {
    }

    /** The factor of a named level ({@code "STRONG"}), or null when there is no such level. */
    public static Double level(String name) {
        return LEVELS.get(name);
    }

    public static double combine(Collection<Double> factors) {
        double combined = 0;
        for (double f : factors) {
            combined = combined + f * (1 - combined);
        }
        return combined;
    }

    public static double confidence(double belief, double disbelief) {
        if (belief <= 0) {
            return 0;
        }
        double denominator = 1 - Math.min(belief, disbelief);
        double c = denominator <= 0 ? 0 : (belief - disbelief) / denominator;
        return Math.max(0, Math.min(1, c));
    }
}
