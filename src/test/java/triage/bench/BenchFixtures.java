package triage.bench;

import triage.engine.RuleBase;
import triage.engine.RuleCache;
import triage.facts.Symptom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the benchmarks share: the project, a public case's evidence in memory, rule sets, symptom bundles. */
final class BenchFixtures {

    static final String CASE = System.getProperty("triage.bench.case", "hft-binance-lot-size-rejections");
    private static final Pattern ID = Pattern.compile("\"([a-z0-9-]+\\.[a-z0-9.-]+)\"");

    private BenchFixtures() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("triage.bench.project", "")).toAbsolutePath();
    }

    /** The evidence files of a public case, concatenated into one in-memory log. */
    static byte[] caseEvidence() {
        Path dir = projectRoot().resolve("../shared/cases").resolve(CASE).resolve("evidence");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.write(Files.readAllBytes(f));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no public case at " + dir, e);
        }
        return out.toByteArray();
    }

    /** The project's rules made into a set of {@code n} (see {@link RuleSetGenerator}), loaded the way the CLI does. */
    static RuleBase rules(int n) {
        Map<String, String> sources = RuleBase.readSources(projectRoot());
        Path dir = projectRoot().resolve("target/bench-rules/" + n);
        try {
            if (!Files.isDirectory(dir.resolve("rules"))) {
                RuleSetGenerator.main(new String[] {projectRoot().toString(), dir.toString(), String.valueOf(n)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuleBase rules = RuleBase.load(dir, RuleCache.at(projectRoot().resolve("target/bench-rule-cache")));
        if (rules.ruleFiles().size() < Math.min(n, sources.size())) {
            throw new IllegalStateException("rule set too small");
        }
        return rules;
    }

    /** The symptom and finding ids the project's rules test, in order. */
    static List<String> ruleIds() {
        return ruleIds(RuleBase.readSources(projectRoot()));
    }

    /** The ids a rule set tests (for a generated set, the suffixed ids of its copies too). */
    static List<String> ruleIds(RuleBase rules) {
        return ruleIds(rules.sources());
    }

    private static List<String> ruleIds(Map<String, String> sources) {
        TreeSet<String> ids = new TreeSet<>();
        for (String text : sources.values()) {
            Matcher m = ID.matcher(text);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return new ArrayList<>(ids);
    }

    /**
     * {@code n} symptom facts over the ids the rules test: the first ones as the reader would give
     * them, the rest about other subjects (many services showing the same symptoms).
     */
    static List<Object> symptoms(int n) {
        return symptoms(n, ruleIds());
    }

    static List<Object> symptoms(int n, List<String> ids) {
        List<Object> facts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = ids.get(i % ids.size());
            String subject = i < ids.size() ? "binance" : "service-" + (i / ids.size());
            facts.add(new Symptom(id, subject, 1 + (i * 7) % 12, 10 + (i * 37) % 5_000, 10 + (i * 37) % 5_000,
                    1_000, 61_000, Map.of(), List.of()));
        }
        return facts;
    }
}
