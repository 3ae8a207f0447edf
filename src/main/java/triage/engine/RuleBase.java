package triage.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The compiled rules of {@code rules/*.drl}, read from the folder at run time so that a user can edit
 * a rule without rebuilding Java. Immutable once built and shared by every diagnosis.
 */
public final class RuleBase {

    public static final String FOLDER = "rules";
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private final KieBase kieBase;
    private final Map<String, String> fileOfRule;
    private final Map<String, String> sources;

    private RuleBase(KieBase kieBase, Map<String, String> fileOfRule, Map<String, String> sources) {
        this.kieBase = kieBase;
        this.fileOfRule = Collections.unmodifiableMap(fileOfRule);
        this.sources = Collections.unmodifiableMap(sources);
    }

    /** Compiles every {@code .drl} under {@code projectRoot/rules}; problems carry file and line. */
    public static RuleBase compile(Path projectRoot) {
        Path folder = projectRoot.resolve(FOLDER);
        List<Problem> problems = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path file : drlFiles(folder, problems)) {
            try {
                sources.put(FOLDER + "/" + folder.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                problems.add(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return compile(sources);
    }

    /** Compiles DRL given as text, keyed by the path to report in messages (e.g. {@code rules/x.drl}). */
    public static RuleBase compile(Map<String, String> drlByPath) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem kfs = services.newKieFileSystem();
        Map<String, String> pathOfResource = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> drl : drlByPath.entrySet()) {
            String resource = "src/main/resources/triage/rules/r" + (n++) + "_" + Path.of(drl.getKey()).getFileName();
            pathOfResource.put(resource, drl.getKey());
            pathOfResource.put(resource.substring("src/main/resources/".length()), drl.getKey());
            kfs.write(resource, drl.getValue());
        }
        KieBuilder builder = services.newKieBuilder(kfs).buildAll();
        List<Problem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = message.getPath() == null ? "" : pathOfResource.getOrDefault(message.getPath(), message.getPath());
            problems.add(new Problem(path.isEmpty() ? FOLDER : path, Math.max(message.getLine(), 0), oneLine(message.getText())));
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        KieContainer container = services.newKieContainer(builder.getKieModule().getReleaseId());
        Map<String, String> fileOfRule = new LinkedHashMap<>();
        drlByPath.forEach((path, text) -> {
            Matcher m = RULE_NAME.matcher(text);
            while (m.find()) {
                String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                fileOfRule.putIfAbsent(name, path);
            }
        });
        return new RuleBase(container.getKieBase(), fileOfRule, new LinkedHashMap<>(drlByPath));
    }

    private static List<Path> drlFiles(Path folder, List<Problem> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(folder.toString(), 0, "no rules folder here (use --kb DIR or TRIAGE_KB)"));
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(folder.toString(), 0, "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** The DRL file a rule is written in, for error messages and coverage. */
    public String fileOf(String ruleName) {
        return fileOfRule.getOrDefault(ruleName, FOLDER);
    }

    public Map<String, String> ruleFiles() {
        return fileOfRule;
    }

    /** DRL text by file path, for validation of the ids the rules refer to. */
    public Map<String, String> sources() {
        return sources;
    }
}
