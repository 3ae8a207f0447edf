package triage.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Build step ({@code mvn package}, phase prepare-package): compiles the project's {@code rules/} into
 * an executable-model kjar inside the classes folder, so the jar starts fast on the rules it was built
 * with. At run time the bundled kjar is used only when its key matches the rules found then; an
 * edited {@code rules/} goes through the {@link RuleCache}. A failure here only warns: the jar then
 * compiles at run time.
 *
 * <p>Usage: {@code PrebuiltRules PROJECT_ROOT CLASSES_DIR}
 */
public final class PrebuiltRules {
    private PrebuiltRules() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Path kjar = classes.resolve(RuleBase.BUNDLED_KJAR);
        Path key = classes.resolve(RuleBase.BUNDLED_KEY);
        Files.deleteIfExists(key);
        Files.deleteIfExists(kjar);
        try {
            long start = System.nanoTime();
            Map<String, String> sources = RuleBase.readSources(root);
            RuleBase.Compiled compiled = RuleBase.compileExecutable(sources, RuleCache.keyOf(sources));
            if (compiled.rules() == null) {
                System.err.println("[triage] WARNING: rules/ not precompiled, the executable model failed: " + compiled.errors().get(0));
                return;
            }
            Files.createDirectories(kjar.getParent());
            Files.write(kjar, compiled.kjar());
            Files.writeString(key, RuleCache.keyOf(sources), StandardCharsets.UTF_8);
            System.out.printf("[triage] precompiled %d rule files (%d rules) into %s in %d ms%n", sources.size(),
                    compiled.rules().ruleFiles().size(), classes.relativize(kjar), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            System.err.println("[triage] WARNING: rules/ not precompiled: " + e.getMessage());
        }
    }
}
