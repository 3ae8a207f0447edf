package triage.bench;

import triage.engine.RuleBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A larger, realistic rule set for benchmarks, made from the project's own rules: the rules of
 * {@code rules/} come first as they are, then renamed copies whose symptom, finding and cause ids
 * carry a suffix ({@code exchange.http-429~3}), so that each copy tests facts of its own, as the
 * rules of 153 different causes do, and a bundle of real symptoms fires only the original rules.
 * Never written into the project's {@code rules/}.
 *
 * <p>Usage: {@code RuleSetGenerator PROJECT_ROOT OUT_ROOT RULES} writes {@code OUT_ROOT/rules/} with
 * that many rules and copies {@code knowledge-base/} beside it.
 */
public final class RuleSetGenerator {

    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+.*?^end[ \\t]*$");
    private static final Pattern HEADER = Pattern.compile("(?ms)\\A.*?(?=^rule\\s)");
    private static final Pattern NAME = Pattern.compile("\\A(rule\\s+)(\"[^\"]+\"|'[^']+'|\\S+)");
    private static final Pattern ID = Pattern.compile("\"([a-z0-9-]+\\.[a-z0-9.-]+)\"");

    private RuleSetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        Map<String, String> generated = generate(RuleBase.readSources(root), n);
        Path rules = out.resolve(RuleBase.FOLDER);
        Files.createDirectories(rules);
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Files.writeString(out.resolve(e.getKey()), e.getValue());
        }
        copy(root.resolve("knowledge-base"), out.resolve("knowledge-base"));
        System.out.println(out + ": " + n + " rules in " + generated.size() + " files");
    }

    /** {@code n} rules made of {@code sources} (DRL text by {@code rules/...} path), by file. */
    public static Map<String, String> generate(Map<String, String> sources, int n) {
        record Block(String file, String header, String text) {
        }
        List<Block> blocks = new ArrayList<>();
        sources.forEach((path, text) -> {
            Matcher h = HEADER.matcher(text);
            String header = h.find() ? h.group() : "";
            Matcher r = RULE.matcher(text);
            while (r.find()) {
                blocks.add(new Block(Path.of(path).getFileName().toString().replace(".drl", ""), header, r.group()));
            }
        });
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no rules to copy");
        }
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i % blocks.size());
            int copy = i / blocks.size();
            String file = RuleBase.FOLDER + "/" + (copy == 0 ? b.file() : "gen" + copy + "-" + b.file()) + ".drl";
            StringBuilder sb = files.computeIfAbsent(file, f -> new StringBuilder(b.header()));
            sb.append(copy == 0 ? b.text() : renamed(b.text(), copy)).append("\n\n");
        }
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((f, sb) -> out.put(f, sb.toString()));
        return out;
    }

    private static String renamed(String rule, int copy) {
        Matcher name = NAME.matcher(rule);
        if (!name.find()) {
            return rule;
        }
        String n = name.group(2);
        String quote = n.startsWith("'") ? "'" : "\"";
        String bare = n.startsWith("\"") || n.startsWith("'") ? n.substring(1, n.length() - 1) : n;
        String head = name.group(1) + quote + bare + " #" + copy + quote;
        String body = rule.substring(name.end());
        return head + ID.matcher(body).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "~" + copy + "\""));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
