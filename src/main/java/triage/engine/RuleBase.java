package triage.engine;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.Problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The compiled rules of {@code rules/*.drl}, read from the folder at run time so that a user can edit
 * a rule without rebuilding Java. Immutable once built and shared by every diagnosis.
 *
 * <p>{@link #load(Path)} is the path the command line takes: the rules are compiled into Drools'
 * executable model once, and the compiled kjar is kept under a key made of the rules' contents (see
 * {@link RuleCache}); the next run with the same rules loads it in a fraction of the time. The rules
 * bundled in the jar are compiled at build time the same way. When the executable model cannot be
 * built, the classic engine compiles the rules (uncached), with a one-line note on stderr; so it does,
 * silently, when there is no writable cache (compiling the executable model only pays when it is kept).
 * {@link #compile(Path)} always compiles with the classic engine and caches nothing.
 */
public final class RuleBase {

    public static final String FOLDER = "rules";
    /** Where {@code mvn package} puts the bundled rules, compiled, and their key. */
    static final String BUNDLED_KJAR = "triage/prebuilt/rules.kjar";
    static final String BUNDLED_KEY = "triage/prebuilt/rules.key";
    /** The entry inside every kjar we write that names the key it was compiled for. */
    private static final String KEY_ENTRY = "META-INF/triage-rules.key";

    /** How a rule base was compiled. */
    public enum Engine { CLASSIC, EXECUTABLE_MODEL }

    /** Where a rule base came from. */
    public enum Origin { COMPILED, CACHE, BUNDLED }

    private final KieBase kieBase;
    private final Map<String, String> fileOfRule;
    private final Map<String, String> sources;
    private final Engine engine;
    private final Origin origin;

    private RuleBase(KieBase kieBase, Map<String, String> sources, Engine engine, Origin origin) {
        this.kieBase = kieBase;
        this.fileOfRule = Collections.unmodifiableMap(rulesByFile(kieBase, sources));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.engine = engine;
        this.origin = origin;
    }

    /** Loads {@code projectRoot/rules} through the cache the environment names (see {@link RuleCache#fromEnvironment()}). */
    public static RuleBase load(Path projectRoot) {
        return load(projectRoot, RuleCache.fromEnvironment());
    }

    /**
     * Loads {@code projectRoot/rules}: from the bundled kjar or {@code cache} when one was compiled
     * from exactly these rules, else compiles them (executable model, stored in {@code cache}; classic
     * when that fails).
     *
     * @throws KnowledgeBaseException with file and line of every problem when the rules are broken
     */
    public static RuleBase load(Path projectRoot, RuleCache cache) {
        long start = System.nanoTime();
        RuleBase rules = loadOrCompile(projectRoot, cache);
        if (Boolean.getBoolean("triage.timing")) {
            System.err.printf("triage: timing: %d rules, %s engine, %s, in %d ms%n", rules.ruleFiles().size(),
                    rules.engine(), rules.origin(), (System.nanoTime() - start) / 1_000_000);
        }
        return rules;
    }

    private static RuleBase loadOrCompile(Path projectRoot, RuleCache cache) {
        Map<String, String> sources = readSources(projectRoot);
        String key = RuleCache.keyOf(sources);
        Optional<RuleBase> bundled = bundled(key).flatMap(kjar -> fromKjar(kjar, key, sources, Origin.BUNDLED));
        if (bundled.isPresent()) {
            return bundled.get();
        }
        Optional<byte[]> cached = cache.read(key);
        if (cached.isPresent()) {
            Optional<RuleBase> loaded = fromKjar(cached.get(), key, sources, Origin.CACHE);
            if (loaded.isPresent()) {
                return loaded.get();
            }
            cache.discard(key);
        }
        if (!cache.writable()) {
            // nowhere to keep an executable model: the classic engine compiles faster for a single use
            return compile(sources);
        }
        Compiled compiled;
        try {
            compiled = compileExecutable(sources, key);
        } catch (RuntimeException | LinkageError e) {
            compiled = new Compiled(null, null, List.of(e.getClass().getSimpleName() + ": " + oneLine(e.getMessage())));
        }
        if (compiled.rules() != null) {
            cache.write(key, compiled.kjar());
            return compiled.rules();
        }
        RuleBase classic = compile(sources); // throws with the classic engine's messages when the DRL is broken
        System.err.println("triage: note: the executable rule model could not be built ("
                + compiled.errors().get(0) + "); rules compiled with the classic engine, not cached");
        return classic;
    }

    /** Compiles every {@code .drl} under {@code projectRoot/rules} with the classic engine; problems carry file and line. */
    public static RuleBase compile(Path projectRoot) {
        return compile(readSources(projectRoot));
    }

    /** The text of every {@code .drl} under {@code projectRoot/rules}, keyed by {@code rules/...} path, in path order. */
    public static Map<String, String> readSources(Path projectRoot) {
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
        problems.addAll(RulePackages.check(sources));
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return sources;
    }

    /** Compiles DRL given as text with the classic engine, keyed by the path to report in messages (e.g. {@code rules/x.drl}). */
    public static RuleBase compile(Map<String, String> drlByPath) {
        List<Problem> wrongPackage = RulePackages.check(drlByPath);
        if (!wrongPackage.isEmpty()) {
            throw new KnowledgeBaseException(wrongPackage);
        }
        KieServices services = KieServices.Factory.get();
        Map<String, String> pathOfResource = new LinkedHashMap<>();
        KieFileSystem kfs = fileSystem(services, drlByPath, pathOfResource, null);
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
        return new RuleBase(container.getKieBase(), drlByPath, Engine.CLASSIC, Origin.COMPILED);
    }

    /** A rule base compiled into the executable model, with its kjar; or the errors when it could not be. */
    record Compiled(RuleBase rules, byte[] kjar, List<String> errors) {
    }

    /** Compiles DRL into Drools' executable model (Java lambdas instead of MVEL), returning the kjar to cache. */
    static Compiled compileExecutable(Map<String, String> drlByPath, String key) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem kfs = fileSystem(services, drlByPath, new LinkedHashMap<>(), key);
        KieBuilder builder = services.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<String> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(oneLine(message.getText()));
        }
        if (!errors.isEmpty()) {
            return new Compiled(null, null, errors);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        byte[] kjar = module.getBytes();
        KieContainer container = services.newKieContainer(module.getReleaseId());
        return new Compiled(new RuleBase(container.getKieBase(), drlByPath, Engine.EXECUTABLE_MODEL, Origin.COMPILED), kjar, List.of());
    }

    /** Compiles {@code projectRoot/rules} into an executable-model kjar: for the build, which bundles it in the jar. */
    public static byte[] compileKjar(Path projectRoot) {
        Map<String, String> sources = readSources(projectRoot);
        Compiled compiled = compileExecutable(sources, RuleCache.keyOf(sources));
        if (compiled.rules() == null) {
            throw new IllegalStateException("the executable rule model could not be built: " + compiled.errors());
        }
        return compiled.kjar();
    }

    /**
     * Loads a kjar we wrote for {@code key}; empty when it is unreadable, corrupt or for other rules.
     * Reads the generated model classes straight from the archive and builds the KieBase from them,
     * without a KieContainer: no kmodule.xml parsing, no KieRepository, about half the classes loaded.
     */
    private static Optional<RuleBase> fromKjar(byte[] kjar, String key, Map<String, String> sources, Origin origin) {
        try {
            Map<String, byte[]> entries = new java.util.HashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (!e.isDirectory()) {
                        entries.put(e.getName(), zip.readAllBytes());
                    }
                }
            }
            byte[] written = entries.get(KEY_ENTRY);
            if (written == null || !key.equals(new String(written, StandardCharsets.UTF_8).trim())) {
                return Optional.empty();
            }
            List<String> modelClasses = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (e.getKey().startsWith("META-INF/kie/") && e.getKey().endsWith("/drools-model")) {
                    for (String line : new String(e.getValue(), StandardCharsets.UTF_8).split("\\R")) {
                        if (!line.isBlank() && !line.startsWith("Drools-Model-Version")) {
                            modelClasses.add(line.trim());
                        }
                    }
                }
            }
            if (modelClasses.isEmpty()) {
                return Optional.empty();
            }
            KjarClassLoader loader = new KjarClassLoader(entries, RuleBase.class.getClassLoader());
            List<Model> models = new ArrayList<>();
            for (String name : modelClasses) {
                models.add((Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
            }
            KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration(null, loader);
            KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models, conf);
            return Optional.of(new RuleBase(kieBase, sources, Engine.EXECUTABLE_MODEL, origin));
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The classes of a compiled kjar, defined on demand from its bytes. */
    private static final class KjarClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> entries;

        KjarClassLoader(Map<String, byte[]> entries, ClassLoader parent) {
            super("triage-rules", parent);
            this.entries = entries;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = entries.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected java.net.URL findResource(String name) {
            return null;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] bytes = entries.get(name);
            return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
        }
    }

    private static Optional<byte[]> bundled(String key) {
        ClassLoader loader = RuleBase.class.getClassLoader();
        try (InputStream k = loader.getResourceAsStream(BUNDLED_KEY)) {
            if (k == null || !key.equals(new String(k.readAllBytes(), StandardCharsets.UTF_8).trim())) {
                return Optional.empty();
            }
            try (InputStream jar = loader.getResourceAsStream(BUNDLED_KJAR)) {
                return jar == null ? Optional.empty() : Optional.of(jar.readAllBytes());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static KieFileSystem fileSystem(KieServices services, Map<String, String> drlByPath,
                                            Map<String, String> pathOfResource, String key) {
        KieFileSystem kfs = services.newKieFileSystem();
        if (key != null) {
            // a release id of its own per rule set, so that rule bases compiled in one process never replace each other
            ReleaseId id = services.newReleaseId("dev.triage", "rules", "1.0.0-" + key.substring(0, 16));
            kfs.generateAndWritePomXML(id);
            kfs.write("src/main/resources/" + KEY_ENTRY, key);
        }
        int n = 0;
        for (Map.Entry<String, String> drl : drlByPath.entrySet()) {
            String resource = "src/main/resources/triage/rules/r" + (n++) + "_" + Path.of(drl.getKey()).getFileName();
            pathOfResource.put(resource, drl.getKey());
            pathOfResource.put(resource.substring("src/main/resources/".length()), drl.getKey());
            kfs.write(resource, drl.getValue());
        }
        return kfs;
    }

    /** A rule's declaration at the start of a line: {@code rule "name"}, {@code rule 'name'} or {@code rule name}. */
    private static final java.util.regex.Pattern RULE_NAME =
            java.util.regex.Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");

    /**
     * The file of each rule the compiled rule base holds, from the rule declarations in each file's text
     * (a scan of the declaration lines: parsing the DRL again would cost a second at start-up). All rule
     * files share one package (see {@code RulePackageCheck}), so the package cannot name the file.
     */
    private static Map<String, String> rulesByFile(KieBase kieBase, Map<String, String> drlByPath) {
        Map<String, String> declaredIn = new java.util.HashMap<>();
        drlByPath.forEach((path, text) -> {
            java.util.regex.Matcher m = RULE_NAME.matcher(text);
            while (m.find()) {
                String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                declaredIn.putIfAbsent(name, path);
            }
        });
        Map<String, String> fileOfRule = new LinkedHashMap<>();
        for (org.kie.api.definition.KiePackage p : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                fileOfRule.putIfAbsent(r.getName(), declaredIn.getOrDefault(r.getName(), FOLDER));
            }
        }
        return fileOfRule;
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

    public Engine engine() {
        return engine;
    }

    public Origin origin() {
        return origin;
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
