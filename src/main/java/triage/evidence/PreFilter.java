package triage.evidence;

import triage.knowledge.KnowledgeBase;
import triage.knowledge.PatternDef;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.function.Predicate;
import java.util.List;

/**
 * The reader's pre-filter, as {@code kb check} and the tests measure it: which lines of a file the reader
 * reads in full (decodes and runs patterns on) rather than passing over from their bytes. The very code the
 * {@link TextReader} runs ({@link LineSieve} over a {@link Recognizer}), for lines outside tables.
 */
public final class PreFilter {

    private final LineSieve sieve;
    private final boolean everyLine;
    private final boolean gated;

    /** @param file the name of the file the lines are read from (its {@code files:} gates apply) */
    public PreFilter(KnowledgeBase kb, String file) {
        Recognizer recognizer = new Recognizer(kb);
        this.sieve = new LineSieve(recognizer);
        this.everyLine = recognizer.runsOnEveryLineIn(file);
        this.gated = recognizer.admitsGated(file);
    }

    /** Whether the reader reads the line in full. */
    public boolean reads(String line) {
        if (everyLine) {
            return true;
        }
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return b.length > BoundedLineReader.MAX_LINE || sieve.judge(b, 0, b.length, gated) == LineSieve.Verdict.READ;
    }

    /**
     * Whether one keyword of a pattern lets a line through, as the pre-filter judges it: all the parts of a
     * compound keyword occur in the line, and the pattern's value gate (if any) holds.
     */
    public static Predicate<String> keywordPasses(PatternDef p, String keyword) {
        KeywordIndex index = new KeywordIndex(List.of(List.of(new KeywordIndex.Entry(keyword.toLowerCase(java.util.Locale.ROOT),
                ValueGate.of(p)))), true);
        return line -> {
            BitSet hits = new BitSet(1);
            index.match(line, hits);
            return !hits.isEmpty();
        };
    }

    /** The share of the lines the reader reads in full. */
    public double share(List<String> lines) {
        return lines.isEmpty() ? 0 : (double) lines.stream().filter(this::reads).count() / lines.size();
    }
}
