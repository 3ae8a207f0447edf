package triage.bench;

import triage.evidence.Evidence;
import triage.evidence.EvidenceReader;
import triage.evidence.Recognizer;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.PatternDef;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Evidence-reader throughput: generates a large realistic log (mostly INFO noise with the errors the
 * knowledge base recognises sprinkled in), writes the recognition patterns as POSIX extended regular
 * expressions, and times the reader beside {@code grep -E -i -c -f patterns} on the same file.
 * Run with {@code bench/reader-throughput.sh [MB]}.
 */
public final class ReaderBenchmark {

    private static final String[] NOISE = {
            "%s - exchanges.binance - INFO - order book update BTC-USDT bids=%d asks=%d seq=%d",
            "%s - orders - INFO - submit order order_id: %d strategy_id: mm_eth_01 binance ETH-USDT SELL LIMIT qty: 0.8500 price: 3316.70 latency_us: 265",
            "%s - orders - INFO - order acknowledged order_id: %d exchange_order_id: 4155877%d status: NEW",
            "%s - market_data - INFO - tick BTC-USDT bid=101228.%d ask=101229.%d",
            "%s - risk - INFO - limit check PORTFOLIO_001 var_95=0.0182 breaches=0 warnings=%d",
    };
    private static final String[] ERRORS = {
            "%s - exchanges.binance - ERROR - binance 429 Too Many Requests {\"code\":-1003,\"msg\":\"Too many requests; current limit is 1200 requests per minute.\"} n=%d",
            "%s - market_data - ERROR - candle poll failed: HTTPSConnectionPool(host='api-fxtrade.oanda.com', port=443): Max retries exceeded (Caused by NameResolutionError(\"Failed to resolve ([Errno -3] Temporary failure in name resolution)\")) n=%d",
            "%s - exchanges.binance - ERROR - APIError(code=-2015): Invalid API-key, IP, or permissions for action. n=%d",
    };

    /** How much of the log grep reads. */
    private static final long GREP_BYTES = Long.getLong("grep.mb", 16) * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        Path root = Path.of(args.length > 1 ? args[1] : "");
        Path work = Files.createTempDirectory("triage-bench");
        Path log = work.resolve("big.log");
        Path patterns = work.resolve("patterns.ere");
        generate(log, megabytes * 1024L * 1024L);
        KnowledgeBase kb = new KnowledgeBaseLoader().load(root);
        int exported = exportPatterns(kb.patterns(), patterns);
        long bytes = Files.size(log);

        EvidenceReader reader = new EvidenceReader(kb, new Recognizer(kb));
        long t0 = System.nanoTime();
        Evidence e = reader.read(List.of(log));
        double readerSeconds = (System.nanoTime() - t0) / 1e9;

        String readerPeak = peakRss();
        // grep over the whole pattern set is much slower than the reader: it gets a prefix of the same log
        Path prefix = work.resolve("prefix.log");
        long grepBytes = Math.min(bytes, GREP_BYTES);
        try (var in = Files.newInputStream(log); var out = Files.newOutputStream(prefix)) {
            out.write(in.readNBytes((int) grepBytes));
        }
        long tp = System.nanoTime();
        reader.read(List.of(prefix));
        double readerPrefixSeconds = (System.nanoTime() - tp) / 1e9;
        if (grepBytes == 0) {
            System.out.printf(Locale.ROOT, "triage reader: %.2f s, %.1f MB/s on %.0f MB; peak RSS %s (grep skipped)%n", readerSeconds,
                    bytes / 1048576.0 / readerSeconds, bytes / 1048576.0, readerPeak);
            return;
        }
        // the fair baselines: grep in the C locale (in a UTF-8 locale, -i over many patterns takes a far slower path),
        // with the same regexes (-E), and with only the patterns' keywords as fixed strings (-F, what the reader's
        // keyword automaton does before any regex runs)
        Path keywords = work.resolve("keywords.txt");
        Files.write(keywords, kb.patterns().stream().flatMap(p -> p.keywords().stream()).map(k -> k.toLowerCase(Locale.ROOT))
                .distinct().sorted().toList(), StandardCharsets.UTF_8);
        Grep ere = grep(prefix, "-E", "-i", "-c", "-f", patterns.toString());
        Grep fixed = grep(prefix, "-F", "-i", "-c", "-f", keywords.toString());
        Files.delete(keywords);
        double grepSeconds = ere.seconds();
        String grepOut = ere.output();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "log: %.0f MB, %d recognition patterns (%d exported to grep)%n", bytes / 1048576.0,
                kb.patterns().size(), exported);
        System.out.printf(Locale.ROOT, "triage reader: %.2f s, %.1f MB/s, %d symptoms, %d observations%n", readerSeconds,
                bytes / 1048576.0 / readerSeconds, e.symptoms().size(), e.symptoms().stream().mapToInt(s -> s.count()).sum());
        System.out.printf(Locale.ROOT, "on the first %.0f MB: triage reader %.2f s (%.1f MB/s), LC_ALL=C grep -E -i -c -f %.2f s (%.1f MB/s, %s matching lines)%n",
                grepBytes / 1048576.0, readerPrefixSeconds, grepBytes / 1048576.0 / readerPrefixSeconds, grepSeconds,
                grepBytes / 1048576.0 / grepSeconds, grepOut);
        System.out.printf(Locale.ROOT, "on the same prefix: LC_ALL=C grep -F -i -c -f KEYWORDS %.2f s (%.1f MB/s, %s matching lines)%n",
                fixed.seconds(), grepBytes / 1048576.0 / fixed.seconds(), fixed.output());
        System.out.printf(Locale.ROOT, "ratio reader/grep throughput (LC_ALL=C): %.2f against grep -E, %.2f against grep -F%n",
                grepSeconds / readerPrefixSeconds, fixed.seconds() / readerPrefixSeconds);
        System.out.printf(Locale.ROOT, "reader JVM peak resident memory (VmHWM, before grep runs): %s%n", readerPeak);
        System.out.printf(Locale.ROOT, "JVM heap committed at end: %.0f MB (max %.0f MB)%n", rt.totalMemory() / 1048576.0,
                rt.maxMemory() / 1048576.0);
        Files.delete(log);
        Files.delete(prefix);
        Files.delete(patterns);
        Files.delete(work);
    }

    private record Grep(double seconds, String output) {
    }

    private static Grep grep(Path file, String... options) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("grep"));
        command.addAll(List.of(options));
        command.add(file.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        long t = System.nanoTime();
        Process grep = pb.start();
        String out = new String(grep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        grep.waitFor();
        return new Grep((System.nanoTime() - t) / 1e9, out);
    }

    /** This JVM's peak resident set size, from /proc/self/status (Linux). */
    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static void generate(Path log, long size) throws IOException {
        Random random = new Random(42);
        long written = 0;
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            while (written < size) {
                n++;
                String ts = String.format(Locale.ROOT, "2026-05-06 %02d:%02d:%02d,%03d", (n / 3_600_000) % 24, (n / 60_000) % 60,
                        (n / 1000) % 60, n % 1000);
                String line = n % 997 == 0
                        ? String.format(Locale.ROOT, ERRORS[(int) (n % ERRORS.length)], ts, n)
                        : String.format(Locale.ROOT, NOISE[random.nextInt(NOISE.length)], ts, n, n % 977, n % 1000);
                w.write(line);
                w.write('\n');
                written += line.length() + 1;
            }
        }
    }

    /** Java regexes to POSIX ERE for grep: named groups become plain groups; look-arounds cannot be exported. */
    private static int exportPatterns(List<PatternDef> defs, Path out) throws IOException {
        int exported = 0;
        StringBuilder sb = new StringBuilder();
        for (PatternDef p : defs) {
            String ere = p.regex().replace("(?i)", "").replaceAll("\\(\\?<[a-zA-Z][a-zA-Z0-9]*>", "(").replace("(?:", "(")
                    .replace("\\d", "[0-9]").replace("\\s", "[[:space:]]").replace("\\S", "[^[:space:]]")
                    .replace("\\w", "[[:alnum:]_]").replace("\\W", "[^[:alnum:]_]").replace("\\b", "\\b");
            if (ere.contains("(?") || ere.contains("\\p{") || ere.contains("\\Q")) {
                continue;
            }
            sb.append(ere).append('\n');
            exported++;
        }
        Files.writeString(out, sb.toString());
        return exported;
    }
}
