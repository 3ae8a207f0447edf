package triage.evidence.derived;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The values of one symptom about one subject, in reading order, within a fixed bound: when full, every
 * other sample is dropped and from then on only every second one is kept (then every fourth...), so a
 * long log keeps its shape over its whole length and memory stays flat.
 */
public final class Series {
    static final int CAPACITY = 512;

    private final List<Sample> samples = new ArrayList<>();
    private long stride = 1;
    private long seen;

    public void add(Sample sample) {
        if (seen++ % stride != 0) {
            return;
        }
        samples.add(sample);
        if (samples.size() >= CAPACITY) {
            List<Sample> kept = new ArrayList<>(CAPACITY / 2);
            for (int i = 0; i < samples.size(); i += 2) {
                kept.add(samples.get(i));
            }
            samples.clear();
            samples.addAll(kept);
            stride *= 2;
        }
    }

    /** What was read after everything this series holds (another file, or the next part read in parallel). */
    public void addAll(Series later) {
        later.samples.forEach(this::add);
    }

    /** The samples in reading order. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * Several series merged into one sequence: by time where both samples carry one, otherwise in reading
     * order (a command output without times stays where it was read).
     */
    public static List<Sample> merged(List<Series> series) {
        List<Sample> all = new ArrayList<>();
        series.forEach(s -> all.addAll(s.samples));
        all.sort(Comparator.comparingLong(Sample::order));
        boolean allTimed = all.stream().allMatch(s -> s.time() > 0);
        if (allTimed) {
            all.sort(Comparator.comparingLong(Sample::time).thenComparingLong(Sample::order));
        }
        return all;
    }
}
