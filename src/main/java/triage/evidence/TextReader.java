package triage.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a text file line by line: logs in any common layout, Prometheus text exposition, command
 * outputs and terminal transcripts ({@code user@host:~$ command} lines followed by their output).
 * Every line is redacted, timed and handed to the recognizer; nothing is kept but the symptoms.
 */
final class TextReader {

    /** {@code service-1  | text}: docker compose log prefixes. */
    private static final Pattern COMPOSE_PREFIX = Pattern.compile("^([A-Za-z0-9][\\w.-]*)\\s+\\|\\s?(.*)$");
    /** A shell prompt with a command: {@code user@host:~$ cmd}, {@code $ cmd}, {@code root@host:/# cmd}. */
    private static final Pattern PROMPT = Pattern.compile("^(?:[\\w.-]+@[\\w.-]+(?::[^\\s$#]*)?\\s?[$#]|\\$|[\\w.=-]+[$#>])\\s+(\\S.*)$");
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))(?:\\s+-?\\d+)?\\s*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Recognizer recognizer;
    private final LineSieve sieve;

    TextReader(Recognizer recognizer) {
        this.recognizer = recognizer;
        this.sieve = new LineSieve(recognizer);
    }

    /** @return warnings about the file (over-long lines, invalid characters), at most one of each */
    List<String> read(String file, Reader reader, SymptomAggregator sink) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(reader);
        FileReading reading = new FileReading(file, sink);
        String text;
        int n = 0;
        while ((text = lines.readLine()) != null) {
            reading.line(++n, text, lines.wasTruncated());
        }
        return reading.warnings;
    }

    /**
     * The same as {@link #read(String, Reader, SymptomAggregator)} over UTF-8 bytes, faster: the lines the
     * {@link LineSieve} passes over are never decoded.
     */
    List<String> readUtf8(String file, InputStream in, SymptomAggregator sink) throws IOException {
        ByteLineReader lines = new ByteLineReader(in);
        FileReading reading = new FileReading(file, sink);
        byte[] passedOver = new byte[256];
        int passedOverLength = -1; // the last line passed over, while no line was read after it
        int n = 0;
        while (lines.next()) {
            n++;
            byte[] b = lines.buffer();
            int from = lines.start();
            int to = lines.end();
            if (to - from <= BoundedLineReader.MAX_LINE && reading.tables.idle() && !reading.everyLine) {
                LineSieve.Verdict verdict = sieve.judge(b, from, to, reading.gated);
                if (verdict == LineSieve.Verdict.BLANK) {
                    continue;
                }
                if (verdict == LineSieve.Verdict.PASS_OVER
                        || verdict == LineSieve.Verdict.TIMED && reading.timeOnly(n, b, from, to)) {
                    if (passedOver.length < to - from) {
                        passedOver = new byte[Math.max(to - from, 2 * passedOver.length)];
                    }
                    System.arraycopy(b, from, passedOver, 0, to - from);
                    passedOverLength = to - from;
                    continue;
                }
            }
            if (passedOverLength >= 0) {
                reading.tables.passedOver(new String(passedOver, 0, passedOverLength, StandardCharsets.ISO_8859_1));
                passedOverLength = -1;
            }
            reading.line(n, lines.text(), lines.wasTruncated());
        }
        return reading.warnings;
    }

    /** One file's reading: the table and the command its lines are in, the year of its last time, its warnings. */
    private final class FileReading {
        final String file;
        final SymptomAggregator sink;
        final Tables tables = new Tables();
        final List<String> warnings = new ArrayList<>();
        final String baseName;
        String context;
        /** Whether a pattern without keywords applies in the context: every line is then read. */
        boolean everyLine;
        /** Whether a pattern gated on {@code files:} applies in the context: its keywords then count in the sieve. */
        boolean gated;
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        boolean warnedLong;
        boolean warnedInvalid;
        final List<Observation> found = new ArrayList<>();

        FileReading(String file, SymptomAggregator sink) {
            this.file = file;
            this.sink = sink;
            this.baseName = file.substring(file.lastIndexOf('/') + 1);
            context(baseName);
        }

        private void context(String c) {
            context = c;
            everyLine = recognizer.runsOnEveryLineIn(c);
            gated = recognizer.admitsGated(c);
        }

        /**
         * A line nothing can come of but the time it starts with, read from its bytes: false when that time
         * is not simple enough to read so, and the line must be read in full.
         */
        boolean timeOnly(int n, byte[] b, int from, int to) {
            int content = LineSieve.afterComposePrefix(b, from, to); // after "service-1  | ", as line() strips it
            long ts = Timestamps.parseIsoStart(b, content, to);
            if (ts == Timestamps.NOT_SIMPLE) {
                return false;
            }
            if (ts > 0) {
                year = Timestamps.yearOf(ts);
                String source = context.equals(baseName) ? file : file + context.substring(baseName.length());
                if (content != from) {
                    int name = LineSieve.composeNameEnd(b, from, content);
                    source = source + " | " + new String(b, from, name - from, StandardCharsets.US_ASCII);
                }
                sink.time(source, ts, file + ":" + n,
                        () -> Redactor.redact(new String(b, content, to - content, StandardCharsets.US_ASCII)));
            }
            return true;
        }

        void line(int n, String text, boolean truncated) {
            if (truncated && !warnedLong) {
                warnings.add(file + ":" + n + ": line longer than " + BoundedLineReader.MAX_LINE + " characters; read its start only");
                warnedLong = true;
            }
            if (!warnedInvalid && text.indexOf('\uFFFD') >= 0) {
                warnings.add(file + ":" + n + ": not valid UTF-8; undecodable bytes replaced");
                warnedInvalid = true;
            }
            if (text.isBlank()) {
                return;
            }
            if (text.startsWith("# HELP ") || text.startsWith("# TYPE ")) {
                return; // a metric's description says what it could show ("1 while trading is halted"), not what it shows
            }
            List<String> records = tables.feed(text);
            // each command of a transcript, and each service of a combined log, keeps its own time order
            String source = context.equals(baseName) ? file : file + context.substring(baseName.length());
            if (text.indexOf('|') > 0 && !tables.inPsql()) {
                Matcher compose = COMPOSE_PREFIX.matcher(text);
                if (compose.matches() && !text.startsWith("#")) {
                    source = source + " | " + compose.group(1);
                    text = compose.group(2);
                    if (text.isBlank()) {
                        return; // found by fuzzing: "svc |" with nothing after the prefix
                    }
                }
            }
            if (mayBePrompt(text)) {
                Matcher prompt = PROMPT.matcher(text);
                if (prompt.matches()) {
                    tables.end();
                    context(baseName + " $ " + prompt.group(1));
                    return; // the command itself is not evidence; what it prints is
                }
            }
            // time and redaction are worked out only for the lines that show a symptom
            EvidenceLine line = new EvidenceLine(file, n, text, 0, context);
            found.clear();
            if (mayBeSample(text)) {
                MetricSample sample = sample(text);
                if (sample != null) {
                    recognizer.recognise(sample, line, found);
                }
            }
            recognizer.recognise(line, found);
            if (!records.isEmpty()) {
                for (String record : records) {
                    recognizer.recognise(new EvidenceLine(file, n, record, 0, context), found);
                }
                onePerSymptom(found);
            }
            if (text.indexOf('{') >= 0 || text.indexOf('[') >= 0) {
                Map<String, String> values = JsonLine.flatten(text);
                if (!values.isEmpty()) {
                    for (Map.Entry<String, String> v : values.entrySet()) {
                        recognizer.recognise(new EvidenceLine(file, n, v.getKey() + ": " + v.getValue(), 0, context), v.getKey(), found);
                    }
                    onePerSymptom(found);
                }
            }
            boolean timed = Timestamps.mayStartWithTime(text);
            if (found.isEmpty() && !timed) {
                return;
            }
            long ts = Timestamps.parse(text, year);
            if (ts > 0) {
                year = Timestamps.yearOf(ts);
                if (timed) {
                    sink.time(source, ts, file + ":" + n, Redactor.redact(text));
                }
            }
            if (found.isEmpty()) {
                return;
            }
            String redacted = Redactor.redact(text);
            for (Observation o : found) {
                sink.add(new Observation(o.symptom(), o.subject(), o.value(), ts, o.source(), redacted,
                        Redactor.redact(o.attributes()), o.absent()));
            }
        }
    }

    /** A table row is one sighting of each symptom, however many of its cells (and the line itself) show it. */
    private static void onePerSymptom(List<Observation> found) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        found.removeIf(o -> !seen.add(o.symptom() + '\u0000' + o.subject() + '\u0000' + o.absent()));
    }

    /** A prompt line has a '$', '#' or '>' followed by a space, early in the line. */
    private static boolean mayBePrompt(String text) {
        int limit = Math.min(text.length(), 120);
        for (int i = 0; i < limit - 1; i++) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#' || c == '>') && text.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** A Prometheus sample starts with a letter and ends with a number (or NaN/Inf), maybe a timestamp. */
    private static boolean mayBeSample(String text) {
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        return (Character.isLetter(first) || first == '_' || first == ':')
                && (Character.isDigit(last) || last == 'N' || last == 'f');
    }

    /** Parses a Prometheus exposition sample line, or returns null when the line is not one. */
    static MetricSample sample(String text) {
        if (text.length() > 4096) {
            return null;
        }
        Matcher m = SAMPLE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        if (m.group(2) != null) {
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        String v = m.group(3);
        double value = switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
        return new MetricSample(m.group(1), labels, value);
    }
}
