package triage.healthy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A log of routine lines from the five platforms, as long as asked: the log streams of healthy-corpus
 * bundles (see {@link HealthyCorpus}), platform after platform, each bundle with its own seed. Seeded:
 * the same seed and size give the same log. What the reader's pre-filter and throughput are measured on.
 *
 * <p>{@code java -cp ... triage.healthy.RoutineLog OUT MEGABYTES [SEED]} writes one to a file;
 * {@code java -cp ... triage.healthy.RoutineLog --sample OUT} writes the slice {@code kb check} keeps as part of
 * its built-in routine sample ({@link #sample}).
 */
public final class RoutineLog {

    /** Hours per bundle: long enough that a bundle's rare events (one disconnect, one 429) stay rare. */
    private static final int HOURS = 8;

    private RoutineLog() {
    }

    /** The seed, and the step, of the slice of generated routine lines in kb check's built-in sample. */
    public static final long SAMPLE_SEED = 1;
    public static final int SAMPLE_EVERY = 30;

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--sample")) {
            Files.write(Path.of(args[1]), sample(SAMPLE_SEED, SAMPLE_EVERY), StandardCharsets.UTF_8);
            return;
        }
        Path out = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]) * 1024 * 1024;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long t = System.nanoTime();
        write(out, bytes, seed);
        System.out.printf("wrote %s: %d MB of routine lines in %.1f s%n", out, Files.size(out) >> 20, (System.nanoTime() - t) / 1e9);
    }

    /** Writes at least {@code bytes} bytes (whole lines) of routine log to {@code out}. */
    public static void write(Path out, long bytes, long seed) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long bundle = 0; written < bytes; bundle++) {
                for (String line : bundle(seed, bundle)) {
                    w.write(line);
                    w.write('\n');
                    written += line.getBytes(StandardCharsets.UTF_8).length + 1;
                    if (written >= bytes) {
                        break;
                    }
                }
            }
        }
    }

    /** The first {@code count} lines of the routine log of {@code seed}. */
    public static List<String> lines(long seed, int count) {
        List<String> out = new ArrayList<>(count);
        for (long bundle = 0; out.size() < count; bundle++) {
            for (String line : bundle(seed, bundle)) {
                out.add(line);
                if (out.size() == count) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * A representative slice of routine lines from all five platforms: every {@code every}-th line of one
     * bundle of each platform, in proportion to how much each platform logs.
     */
    public static List<String> sample(long seed, int every) {
        List<String> out = new ArrayList<>();
        for (long bundle = 0; bundle < HealthyCorpus.Platform.values().length; bundle++) {
            List<String> lines = bundle(seed, bundle);
            for (int i = every / 2; i < lines.size(); i += every) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    private static List<String> bundle(long seed, long n) {
        HealthyCorpus.Platform[] platforms = HealthyCorpus.Platform.values();
        return HealthyCorpus.logLines(platforms[(int) (n % platforms.length)], seed * 1_000_003 + n, HOURS);
    }
}
