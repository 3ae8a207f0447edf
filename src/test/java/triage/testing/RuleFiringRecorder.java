package triage.testing;

import triage.engine.SessionRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which rules the test suite fires. Installed by {@link TestTriage#get()}; at JVM exit the names
 * are merged into {@code target/rule-firings.txt} (one rule name a line, sorted), which
 * {@code triage kb coverage} reads to list the rules no test fires. The file is merged rather than
 * overwritten because each targeted test run adds to what earlier runs fired; {@code mvn clean} resets it.
 */
public final class RuleFiringRecorder {

    /** Where the firings go: target/ of the Maven module (surefire's {@code basedir}), never the source tree. */
    public static final Path FILE = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve("target/rule-firings.txt");

    private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Set<String>> CAPTURE = new ThreadLocal<>();
    private static boolean installed;

    private RuleFiringRecorder() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        SessionRunner.observeFirings(rule -> {
            FIRED.add(rule);
            Set<String> capture = CAPTURE.get();
            if (capture != null) {
                capture.add(rule);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(RuleFiringRecorder::write, "rule-firing-recorder"));
    }

    /**
     * The rules fired while {@code diagnosis} ran on this thread, in firing order, each once: lets a test
     * of a DRL file assert the exact set of rules an input fires.
     */
    public static Set<String> firedBy(Runnable diagnosis) {
        install();
        Set<String> fired = new LinkedHashSet<>();
        Set<String> outer = CAPTURE.get();
        CAPTURE.set(fired);
        try {
            diagnosis.run();
        } finally {
            CAPTURE.set(outer);
        }
        return fired;
    }

    private static void write() {
        if (FIRED.isEmpty() || !Files.isDirectory(FILE.getParent())) {
            return;
        }
        try {
            Set<String> all = new TreeSet<>(FIRED);
            if (Files.isRegularFile(FILE)) {
                all.addAll(Files.readAllLines(FILE, StandardCharsets.UTF_8));
            }
            all.remove("");
            Files.write(FILE, new ArrayList<>(all), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("rule-firing-recorder: cannot write " + FILE + ": " + e.getMessage());
        }
    }
}
