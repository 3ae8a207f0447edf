package triage.evidence.derived;

import triage.evidence.Timestamps;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The age of something from two times: when it was last updated (a captured time, ISO 8601 or epoch
 * seconds/millis/micros/nanos) and when that was reported (the line's own time, or else the latest
 * time in the evidence).
 */
public final class Age {
    private static final Pattern EPOCH = Pattern.compile("\\d{9,19}(?:\\.\\d+)?");

    private Age() {
    }

    /** Seconds from {@code updated} to {@code reported}; empty when either time is unknown. */
    public static OptionalDouble seconds(String updated, long reportedMillis) {
        long at = parse(updated);
        if (at <= 0 || reportedMillis <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((reportedMillis - at) / 1000.0);
    }

    /** A captured time as epoch millis, 0 when it is none. */
    static long parse(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String t = text.strip().replaceAll("^\"|\"$", "");
        if (EPOCH.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            // seconds (10 digits now), millis (13), micros (16), nanos (19)
            while (v > 1e13) {
                v /= 1000;
            }
            return (long) (v < 1e11 ? v * 1000 : v);
        }
        return Timestamps.parse(t, 1970);
    }
}
