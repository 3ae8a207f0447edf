package triage.testing;

import triage.api.Triage;
import triage.diagnosis.Diagnosis;
import triage.facts.Answer;
import triage.facts.Symptom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The project's own rules and knowledge base, compiled once for the whole test run (compiling DRL
 * costs seconds), and small helpers to diagnose facts or evidence text in tests.
 */
public final class TestTriage {

    private static Triage shared;

    private TestTriage() {
    }

    /**
     * The project root: the folder holding rules/ and knowledge-base/. The working directory, unless the
     * {@code triage.root} property names it (the fuzz runs work in target/fuzz-work, so that what the
     * fuzzer generates stays out of the source tree).
     */
    public static Path projectRoot() {
        return Path.of(System.getProperty("triage.root", "")).toAbsolutePath();
    }

    public static synchronized Triage get() {
        if (shared == null) {
            RuleFiringRecorder.install();
            shared = Triage.load(projectRoot());
        }
        return shared;
    }

    /** Diagnoses symptom facts and answers given directly. */
    public static Diagnosis given(Object... facts) {
        List<Symptom> symptoms = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (Object f : facts) {
            if (f instanceof Symptom s) {
                symptoms.add(s);
            } else if (f instanceof Answer a) {
                answers.add(a);
            } else {
                throw new IllegalArgumentException("not a fact: " + f);
            }
        }
        return get().diagnose(symptoms, answers, List.of());
    }

    /** A symptom seen {@code count} times. */
    public static Symptom seen(String id, int count) {
        return new Symptom(id, "", count, Double.NaN, Double.NaN, 0, 0, Map.of(), List.of());
    }

    public static Symptom seen(String id) {
        return seen(id, 1);
    }

    /** A symptom with a value (latency, percentage...). */
    public static Symptom valued(String id, double value) {
        return Symptom.of(id, value);
    }

    public static Answer no(String symptom) {
        return Answer.no(symptom, "test");
    }

    /**
     * Diagnoses evidence files given as name/content pairs, written to a fresh temporary folder:
     * {@code evidence("exchanges.log", "...", "df-h.txt", "...")}.
     */
    public static Diagnosis evidence(String... nameAndContent) {
        if (nameAndContent.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of file name and content expected: " + Arrays.toString(nameAndContent));
        }
        try {
            Path dir = Files.createTempDirectory("triage-test");
            for (int i = 0; i < nameAndContent.length; i += 2) {
                Path file = dir.resolve(nameAndContent[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, nameAndContent[i + 1], StandardCharsets.UTF_8);
            }
            return get().diagnose(List.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree (a project, a fixture) to a new place, for tests that edit a copy. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Lines joined with newlines, for readable evidence in tests. */
    public static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
