package triage.evidence.derived;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A value held in a cache (Redis, a dashboard, a local copy) unlike the same key's value at its source
 * of truth (the database, the exchange, a fresh calculation).
 *
 * @param key    the key both sides name (a portfolio, a symbol, a position)
 * @param cached the cached value
 * @param truth  the source's value
 */
public record Divergence(String key, double cached, double truth) {

    /** |cached − truth| relative to the larger of the two (0 when both are 0). */
    public double relative() {
        double scale = Math.max(Math.abs(cached), Math.abs(truth));
        return scale == 0 ? 0 : Math.abs(cached - truth) / scale;
    }

    /**
     * The keys seen on both sides whose values differ by more than the tolerance (relative); keys seen on
     * one side only say nothing.
     */
    public static List<Divergence> between(Map<String, Double> cached, Map<String, Double> truth, double tolerance) {
        List<Divergence> out = new ArrayList<>();
        cached.forEach((key, value) -> {
            Double t = truth.get(key);
            if (t != null && !value.isNaN() && !t.isNaN()) {
                Divergence d = new Divergence(key, value, t);
                if (d.relative() > tolerance) {
                    out.add(d);
                }
            }
        });
        return out;
    }
}
