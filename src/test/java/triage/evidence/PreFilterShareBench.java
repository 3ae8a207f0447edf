package triage.evidence;

import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.testing.FilteringKeywords;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * For bench/run.sh: over a log, the share of lines in which some pattern's keyword occurs (what passes the
 * pre-filter) and the share the {@link LineSieve} sends to be read in full, with the project's keywords and
 * with only those that filter ({@link FilteringKeywords}); with {@code --keywords OUT}, first writes the
 * keywords, lower-cased, one a line, for {@code grep -F -i -f}.
 * {@code java -cp ... triage.evidence.PreFilterShareBench KB_ROOT LOG [--keywords OUT]}
 */
public final class PreFilterShareBench {

    private PreFilterShareBench() {
    }

    public static void main(String[] args) throws Exception {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(Path.of(args[0]));
        Path log = Path.of(args[1]);
        if (args.length > 3 && args[2].equals("--keywords")) {
            Files.write(Path.of(args[3]), kb.patterns().stream().flatMap(p -> p.keywords().stream())
                    .map(k -> k.toLowerCase(Locale.ROOT).split(" && ")[0]) // a compound keyword: the part the automaton finds
                    .filter(k -> !k.isEmpty()).distinct().sorted().toList(), StandardCharsets.UTF_8);
        }
        share("prefilter", kb, log);
        share("prefilter_projection", FilteringKeywords.of(kb), log);
    }

    private static void share(String label, KnowledgeBase kb, Path log) throws Exception {
        Recognizer recognizer = new Recognizer(kb);
        LineSieve sieve = new LineSieve(recognizer);
        long lines = 0;
        long keyword = 0;
        long read = 0;
        try (InputStream in = Files.newInputStream(log)) {
            ByteLineReader r = new ByteLineReader(in);
            while (r.next()) {
                lines++;
                keyword += recognizer.mayMatch(r.buffer(), r.start(), r.end()) ? 1 : 0;
                read += sieve.judge(r.buffer(), r.start(), r.end()) == LineSieve.Verdict.READ ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%s lines=%d keyword_share=%.4f read_in_full_share=%.4f%n", label, lines,
                (double) keyword / lines, (double) read / lines);
    }
}
