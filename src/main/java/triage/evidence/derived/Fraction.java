package triage.evidence.derived;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "N of M" as systems print it: {@code 3/5} (replicas, targets, READY), {@code 2 of 3} (brokers),
 * {@code 4 out of 6}.
 *
 * @param n how many are (up, ready, healthy, in sync)
 * @param m how many there should be
 */
public record Fraction(int n, int m) {
    private static final Pattern N_OF_M = Pattern.compile("(\\d{1,7})\\s*(?:/|\\bof\\b|\\bout of\\b)\\s*(\\d{1,7})");

    public static Optional<Fraction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = N_OF_M.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int total = Integer.parseInt(m.group(2));
        return total == 0 ? Optional.empty() : Optional.of(new Fraction(Integer.parseInt(m.group(1)), total));
    }

    /** How many are missing. */
    public int missing() {
        return Math.max(0, m - n);
    }

    public boolean isShort() {
        return n < m;
    }
}
