package triage.evidence.derived;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Watches the times of the records of each source (a file, or one service's lines in a combined compose
 * log) in the order they were written, and keeps the largest step backwards in each: a clock stepped
 * back, or records replayed. Steps smaller than the tolerance are the ordinary interleaving of threads
 * writing one file.
 */
public final class TimeOrder {

    /** The largest step back in one source: the time before it and the earlier time after it. */
    public record Step(String source, long before, long after, String where, String text) {
        public double seconds() {
            return (before - after) / 1000.0;
        }
    }

    private final long toleranceMillis;
    private final Map<String, Long> latest = new LinkedHashMap<>();
    private final Map<String, Step> largest = new LinkedHashMap<>();

    public TimeOrder(long toleranceMillis) {
        this.toleranceMillis = toleranceMillis;
    }

    /**
     * The next record of a source; untimed records (time 0) say nothing about order.
     *
     * @param where the record's file and line, cited when it is the largest step back
     */
    public void record(String source, long time, String where, String text) {
        record(source, time, where, () -> text);
    }

    /** The same, with the text worked out only when the record is a step back to keep. */
    public void record(String source, long time, String where, java.util.function.Supplier<String> text) {
        if (time <= 0) {
            return;
        }
        Long before = latest.get(source);
        if (before == null || time >= before) {
            latest.put(source, time);
            return;
        }
        if (before - time > toleranceMillis) {
            Step had = largest.get(source);
            if (had == null || before - time > had.before() - had.after()) {
                largest.put(source, new Step(source, before, time, where, text.get()));
            }
        }
    }

    /** The largest step back of each source that stepped back further than the tolerance. */
    public Map<String, Step> steps() {
        return Map.copyOf(largest);
    }

    /** What another reader saw, in sources of its own (files are read whole by one reader). */
    public void addAll(TimeOrder other) {
        other.largest.forEach(largest::putIfAbsent);
        other.latest.forEach(latest::putIfAbsent);
    }

    /** The latest time seen in any source, or 0. */
    public long latestTime() {
        return latest.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
