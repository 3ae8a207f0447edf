package triage.knowledge;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How well the knowledge is exercised: the examples of each symptom's patterns, and the evidence variants
 * of each cause ({@code src/test/resources/variants/<cause-id>/<variant>/expected.yaml} naming the cause),
 * with the platforms, layouts and kinds they cover.
 */
public final class Exercise {

    public static final String VARIANTS = "src/test/resources/variants";
    public static final int MIN_VARIANTS = 3;

    /** The variants of one cause, and the distinct systems, layouts and kinds among them. */
    public record CauseVariants(String cause, int variants, List<String> systems, List<String> layouts, List<String> kinds) {
    }

    private Exercise() {
    }

    /** Examples per symptom of the vocabulary (0 for a symptom no pattern gives one), by symptom id. */
    public static Map<String, Integer> examplesPerSymptom(KnowledgeBase kb) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        kb.symptoms().keySet().stream().sorted().forEach(id -> counts.put(id, 0));
        for (PatternDef p : kb.patterns()) {
            counts.merge(p.symptom(), p.examples().size(), Integer::sum);
        }
        return counts;
    }

    /** The variants of each cause, in the order given; a folder whose expected.yaml does not name its cause is not counted. */
    public static List<CauseVariants> variants(Path projectRoot, List<String> causes) {
        Path root = projectRoot.resolve(VARIANTS);
        List<CauseVariants> out = new ArrayList<>();
        for (String cause : causes) {
            int n = 0;
            TreeSet<String> systems = new TreeSet<>();
            TreeSet<String> layouts = new TreeSet<>();
            TreeSet<String> kinds = new TreeSet<>();
            for (Path expected : expectedFiles(root.resolve(cause))) {
                JsonNode e = read(expected);
                if (e == null || !names(e.path("expect"), cause)) {
                    continue;
                }
                n++;
                addText(e.path("system"), systems);
                addText(e.path("layout"), layouts);
                addText(e.path("kind"), kinds);
            }
            out.add(new CauseVariants(cause, n, List.copyOf(systems), List.copyOf(layouts), List.copyOf(kinds)));
        }
        return out;
    }

    private static List<Path> expectedFiles(Path causeFolder) {
        if (!Files.isDirectory(causeFolder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(causeFolder)) {
            return s.map(d -> d.resolve("expected.yaml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static JsonNode read(Path file) {
        try {
            return KnowledgeBaseLoader.newYamlMapper().readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean names(JsonNode expect, String cause) {
        if (expect.isArray()) {
            for (JsonNode n : expect) {
                if (cause.equals(n.asText())) {
                    return true;
                }
            }
            return false;
        }
        return cause.equals(expect.asText());
    }

    private static void addText(JsonNode node, TreeSet<String> into) {
        if (node.isArray()) {
            node.forEach(n -> into.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull() && !node.asText().isBlank()) {
            into.add(node.asText());
        }
    }
}
