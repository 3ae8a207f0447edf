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

    private Certainty() {
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
