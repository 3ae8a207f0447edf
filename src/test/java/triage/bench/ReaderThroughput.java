package triage.bench;

import triage.evidence.Evidence;
import triage.evidence.EvidenceReader;
import triage.evidence.Recognizer;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.testing.FilteringKeywords;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The evidence reader over files given on the command line, as {@code diagnose} reads them (one
 * reader, the project's knowledge base): prints seconds, MB/s, the symptoms found and the JVM's peak
 * resident memory, one {@code key=value} line for bench/run.sh.
 * {@code java -cp ... triage.bench.ReaderThroughput [--filtering-keywords] KB_ROOT FILE...}; with
 * {@code --filtering-keywords} the knowledge base's weak keywords are left out first ({@link FilteringKeywords}):
 * a projection of the reader once every keyword filters, labelled as such.
 */
public final class ReaderThroughput {

    private ReaderThroughput() {
    }

    public static void main(String[] args) throws Exception {
        boolean projection = args[0].equals("--filtering-keywords");
        int first = projection ? 1 : 0;
        KnowledgeBase loaded = new KnowledgeBaseLoader().load(Path.of(args[first]));
        KnowledgeBase kb = projection ? FilteringKeywords.of(loaded) : loaded;
        EvidenceReader reader = new EvidenceReader(kb, new Recognizer(kb));
        List<Path> files = java.util.Arrays.stream(args, first + 1, args.length).map(Path::of).toList();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        long t = System.nanoTime();
        Evidence e = reader.read(files);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, (projection ? "reader_projection" : "reader") + " seconds=%.3f mb=%.1f mb_per_s=%.1f symptoms=%d observations=%d peak_rss_kb=%s%n",
                seconds, bytes / 1048576.0, bytes / 1048576.0 / seconds, e.symptoms().size(),
                e.symptoms().stream().mapToInt(s -> s.count()).sum(), peakRssKb());
    }

    static String peakRssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("[^0-9]", "")).findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
