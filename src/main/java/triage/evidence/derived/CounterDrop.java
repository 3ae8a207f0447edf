package triage.evidence.derived;

import java.util.ArrayList;
import java.util.List;

/**
 * A counter or sequence that went backwards between two consecutive samples.
 *
 * @param from the value before
 * @param to   the value after, lower
 * @param at   when the lower value was read (epoch millis, 0 when untimed)
 * @param kind {@link Kind#WRAP} when the value before sat near a power of two (2^31, 2^32, 2^63, 2^64:
 *             a fixed-width counter overflowing), {@link Kind#RESET} when it fell to a tenth or less
 *             (a Prometheus counter after its process restarted starts again near zero), otherwise
 *             {@link Kind#BACKWARDS}
 */
public record CounterDrop(double from, double to, long at, Kind kind) {

    public enum Kind { WRAP, RESET, BACKWARDS }

    private static final double[] WIDTHS = {Math.pow(2, 31), Math.pow(2, 32), Math.pow(2, 53), Math.pow(2, 63), Math.pow(2, 64)};

    /** Every drop in a series, in order. */
    public static List<CounterDrop> in(List<Sample> series) {
        List<CounterDrop> drops = new ArrayList<>();
        for (int i = 1; i < series.size(); i++) {
            double before = series.get(i - 1).value();
            double after = series.get(i).value();
            if (after < before) {
                drops.add(new CounterDrop(before, after, series.get(i).time(), kindOf(before, after)));
            }
        }
        return drops;
    }

    static Kind kindOf(double before, double after) {
        for (double width : WIDTHS) {
            if (before >= 0.99 * width && before <= width) {
                return Kind.WRAP;
            }
        }
        return after <= 0.1 * before ? Kind.RESET : Kind.BACKWARDS;
    }

    /** How far it fell. */
    public double size() {
        return from - to;
    }
}
