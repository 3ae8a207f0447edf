package triage.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What covers each catalogued cause: the rules concluding it (from the DRL text), the test methods
 * naming it, its guide sections and its remediation; and which causes cover each guide section.
 */
public final class Coverage {

    /** One catalogued cause and what covers it. */
    public record CauseCoverage(String id, List<String> rules, List<String> tests, List<String> sources,
                                int remediationSteps, boolean inKnowledgeBase) {
    }

    /**
     * One guide section and the catalogued causes citing it; {@code within} names the closest cited
     * enclosing section, {@code throughSubsections} tells that a subsection of it is cited.
     */
    public record SectionCoverage(String guide, GuideSections.Heading heading, List<String> causes,
                                  String within, boolean throughSubsections) {

        public boolean covered() {
            return !causes.isEmpty() || within != null || throughSubsections;
        }
    }

    public record Report(List<CauseCoverage> causes, List<SectionCoverage> sections, List<String> unmatchedSources) {

        public List<String> withoutRule() {
            return causes.stream().filter(c -> c.rules().isEmpty()).map(CauseCoverage::id).toList();
        }

        public List<String> withoutRemediation() {
            return causes.stream().filter(c -> c.remediationSteps() == 0).map(CauseCoverage::id).toList();
        }

        public List<String> withoutTest() {
            return causes.stream().filter(c -> c.tests().isEmpty()).map(CauseCoverage::id).toList();
        }

        public List<String> uncoveredSections() {
            return sections.stream().filter(s -> !s.covered())
                    .map(s -> s.guide() + "#" + s.heading().title()).toList();
        }

        /** The gate: every catalogued cause is concluded by a rule and has a remediation plan. */
        public boolean complete() {
            return withoutRule().isEmpty() && withoutRemediation().isEmpty();
        }
    }

    /** A catalogue entry: id and the "guide#heading" sources it cites. */
    public record CatalogEntry(String id, List<String> sources) {
    }

    private static final Pattern TEST_METHOD = Pattern.compile(
            "@(?:Test|ParameterizedTest|RepeatedTest)\\b(?:\\([^)]*\\))?(?:\\s*@\\w+(?:\\([^)]*\\))?)*\\s*"
                    + "(?:(?:public|protected|private|static|final)\\s+)*void\\s+(\\w+)\\s*\\(");

    private Coverage() {
    }

    /** The rules of the model that no test fired, in file order; {@code fired} holds rule names. */
    public static List<String> unfiredRules(triage.knowledge.rules.RuleModel model, Set<String> fired) {
        return model.rules().stream().map(triage.knowledge.rules.RuleModel.RuleDef::name)
                .filter(name -> !fired.contains(name)).distinct().toList();
    }

    public static Report of(List<CatalogEntry> catalog, KnowledgeBase kb, Map<String, String> drlByFile,
                            Map<String, String> testSourcesByClass, Map<String, String> guidesByName) {
        Map<String, List<String>> rules = rulesByCause(drlByFile);
        Map<String, List<String>> tests = testsByCause(catalog, testSourcesByClass);
        List<CauseCoverage> causes = new ArrayList<>();
        for (CatalogEntry e : catalog) {
            CauseDef def = kb == null ? null : kb.causes().get(e.id());
            causes.add(new CauseCoverage(e.id(), rules.getOrDefault(e.id(), List.of()), tests.getOrDefault(e.id(), List.of()),
                    e.sources(), def == null ? 0 : def.remediation().size(), def != null));
        }
        Map<String, List<String>> citing = new LinkedHashMap<>();
        for (CatalogEntry e : catalog) {
            for (String source : e.sources()) {
                List<String> ids = citing.computeIfAbsent(source, k -> new ArrayList<>());
                if (!ids.contains(e.id())) {
                    ids.add(e.id());
                }
            }
        }
        List<SectionCoverage> sections = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        guidesByName.forEach((guide, text) -> {
            List<GuideSections.Heading> headings = GuideSections.headings(text);
            for (int i = 0; i < headings.size(); i++) {
                GuideSections.Heading h = headings.get(i);
                String key = guide + "#" + h.title();
                List<String> direct = citing.getOrDefault(key, List.of());
                if (!direct.isEmpty()) {
                    matched.add(key);
                }
                sections.add(new SectionCoverage(guide, h, direct, citedAncestor(guide, headings, i, citing),
                        citedDescendant(guide, headings, i, citing)));
            }
        });
        List<String> unmatched = citing.keySet().stream().filter(k -> !matched.contains(k)).toList();
        return new Report(causes, sections, unmatched);
    }

    private static String citedAncestor(String guide, List<GuideSections.Heading> hs, int i,
                                        Map<String, List<String>> citing) {
        int level = hs.get(i).level();
        for (int j = i - 1; j >= 0 && level > 1; j--) {
            if (hs.get(j).level() < level) {
                level = hs.get(j).level();
                if (citing.containsKey(guide + "#" + hs.get(j).title())) {
                    return hs.get(j).title();
                }
            }
        }
        return null;
    }

    private static boolean citedDescendant(String guide, List<GuideSections.Heading> hs, int i,
                                           Map<String, List<String>> citing) {
        for (int j = i + 1; j < hs.size() && hs.get(j).level() > hs.get(i).level(); j++) {
            if (citing.containsKey(guide + "#" + hs.get(j).title())) {
                return true;
            }
        }
        return false;
    }

    /** Rule names concluding each cause (Support.of), as "rule name (file)", from the one rule model. */
    static Map<String, List<String>> rulesByCause(Map<String, String> drlByFile) {
        Map<String, List<String>> out = new TreeMap<>();
        for (triage.knowledge.rules.RuleModel.RuleDef r : triage.knowledge.rules.RuleModel.parse(drlByFile).rules()) {
            String name = r.name() + " (" + Path.of(r.file()).getFileName() + ")";
            for (String cause : r.supports()) {
                List<String> names = out.computeIfAbsent(cause, k -> new ArrayList<>());
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return out;
    }

    /**
     * Assertions that conclude a cause: it ranks first, is reported, ranks above another, or is the id
     * asserted equal. A mention in {@code doesNotReport("x")}, {@code hasCandidate("x")} or as the lower
     * of {@code ranksAbove} does not test that the cause is concluded.
     */
    private static final Pattern CONCLUDES = Pattern.compile("(?:\\b(?:ranksFirst|reports|ranksAbove|concludes)|\\.isEqualTo)\\(\\s*\"([^\"]+)\"");

    /** Test methods ("Class.method") whose body asserts the cause is concluded. */
    static Map<String, List<String>> testsByCause(List<CatalogEntry> catalog, Map<String, String> testSourcesByClass) {
        Map<String, List<String>> out = new TreeMap<>();
        testSourcesByClass.forEach((cls, text) -> {
            Matcher m = TEST_METHOD.matcher(text);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                starts.add(new int[]{m.start()});
                names.add(m.group(1));
            }
            for (int i = 0; i < starts.size(); i++) {
                int from = starts.get(i)[0];
                int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                Set<String> concluded = new HashSet<>();
                Matcher c = CONCLUDES.matcher(text.substring(from, to));
                while (c.find()) {
                    concluded.add(c.group(1));
                }
                for (CatalogEntry e : catalog) {
                    if (concluded.contains(e.id())) {
                        out.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(cls + "." + names.get(i));
                    }
                }
            }
        });
        return out;
    }

    /** Every file under {@code dir} whose name ends with {@code suffix}, keyed by path relative to dir. */
    public static Map<String, String> readTree(Path dir, String suffix) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(suffix)).sorted().toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
