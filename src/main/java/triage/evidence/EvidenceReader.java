package triage.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.commons.io.input.CountingInputStream;
import org.apache.commons.io.input.ProxyInputStream;
import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Symptom;
import triage.evidence.derived.DerivedEvidence;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.Problem;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads evidence of every kind, recognised by content: symptom files, logs, Prometheus text,
 * Alertmanager payloads, health JSON, command outputs and transcripts, folders (recursively) and
 * {@code .tar.gz}/{@code .zip} bundles (streamed, never unpacked to disk). One bad file is a warning;
 * the rest is still read. Thread-safe: each call has its own state.
 */
public final class EvidenceReader {

    /** Largest JSON document read whole; larger ones are read as text lines. */
    static final int MAX_JSON_BYTES = 32 * 1024 * 1024;
    private static final int SNIFF_BYTES = 64 * 1024;

    private final KnowledgeBase kb;
    private final TextReader text;
    private final JsonEvidenceReader json;
    private final SymptomFileReader symptomFiles;
    private final ObjectMapper mapper;
    private final DerivedEvidence derived;
    private final java.util.Set<String> seriesOf;
    private java.util.function.Supplier<ArchiveBudget> budget = ArchiveBudget::new;
    private long pipeWaitMs = EvidenceFiles.PIPE_WAIT_MS;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    /**
     * Opens a file for reading; tests inject failures here (as root, permissions cannot make a file unreadable).
     * Null: {@link EvidenceFiles#open}, which also waits a bounded time on a named pipe.
     */
    interface Opener {
        InputStream open(Path file) throws IOException;
    }

    private final Opener opener;

    public EvidenceReader(KnowledgeBase kb, Recognizer recognizer) {
        this(kb, recognizer, null);
    }

    EvidenceReader(KnowledgeBase kb, Recognizer recognizer, Opener opener) {
        this.opener = opener;
        this.kb = kb;
        this.text = new TextReader(recognizer);
        this.json = new JsonEvidenceReader(recognizer);
        this.symptomFiles = new SymptomFileReader(kb);
        this.derived = new DerivedEvidence(kb);
        this.seriesOf = DerivedEvidence.seriesNeeded(kb);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Per-call state: what has been read so far. */
    private static final class Reading {
        final SymptomAggregator symptoms;
        final List<Answer> answers = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final ArchiveBudget budget;
        int readable;
        int inputs;
        boolean strict;

        Reading(ArchiveBudget budget, java.util.Set<String> seriesOf) {
            this.budget = budget;
            this.symptoms = new SymptomAggregator(seriesOf);
        }
    }

    /**
     * Reads files and folders ({@code -} is standard input). A path that names nothing usable is a
     * warning; evidence met twice (the same file, a copy, a link) is read once.
     */
    public Evidence read(List<Path> paths) {
        Reading r = newReading();
        EvidenceFiles.Listing listing = EvidenceFiles.list(paths);
        r.errors.addAll(listing.warnings());
        r.inputs += listing.unusable();
        List<Path> files = listing.files();
        if (threads <= 1 || files.size() <= 1) {
            files.forEach(file -> readPath(file, r));
            return finish(r);
        }
        // several files on all cores; each has its own reading, merged in the files' order as soon as its
        // turn comes, so the result is the sequential one and only a few readings are held at a time
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("triage-reader"));
        try {
            Deque<Future<Reading>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !ahead.isEmpty()) {
                while (next < files.size() && ahead.size() < 2 * threads) {
                    Path file = files.get(next++);
                    ahead.add(pool.submit(() -> {
                        Reading part = new Reading(r.budget, seriesOf);
                        part.strict = r.strict;
                        readPath(file, part);
                        return part;
                    }));
                }
                merge(r, join(ahead.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
        return finish(r);
    }

    private void readPath(Path file, Reading r) {
        if (EvidenceFiles.isStdin(file)) {
            readStream("(standard input)", CloseShieldInputStream.wrap(System.in), r, null);
        } else {
            readFile(file, r);
        }
    }

    private static Reading join(Future<Reading> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading evidence", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What {@code later} read, as if read after everything {@code into} read. */
    private static void merge(Reading into, Reading later) {
        into.symptoms.addAll(later.symptoms);
        into.answers.addAll(later.answers);
        into.warnings.addAll(later.warnings);
        into.errors.addAll(later.errors);
        into.readable += later.readable;
        into.inputs += later.inputs;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Reads one piece of evidence given in memory (for the service and the API). */
    public Evidence read(String name, byte[] content) {
        Reading r = newReading();
        readStream(name, new ByteArrayInputStream(content), r, null);
        return finish(r);
    }

    /**
     * Like {@link #read(String, byte[])}, but lets through any exception other than the documented
     * input errors (unreadable, malformed or hostile input reported as warnings): for fuzz tests.
     */
    Evidence readStrict(String name, byte[] content) {
        Reading r = newReading();
        r.strict = true;
        readStream(name, new ByteArrayInputStream(content), r, null);
        return finish(r);
    }

    /** Per-call state; the archive budget is the package's default unless a test gave its own. */
    private Reading newReading() {
        return new Reading(budget.get(), seriesOf);
    }

    private Evidence finish(Reading r) {
        java.util.Set<String> unique = new java.util.LinkedHashSet<>();
        r.errors.forEach(w -> unique.add(printable(w)));
        r.warnings.forEach(w -> unique.add(printable(w)));
        List<String> warnings = new ArrayList<>(unique);
        List<Answer> answers = new ArrayList<>(r.symptoms.absences());
        answers.addAll(r.answers);
        DerivedEvidence.Recognised recognised = r.symptoms.recognised();
        List<Symptom> found = new ArrayList<>(recognised.symptoms());
        found.addAll(derived.derive(recognised));
        List<Symptom> symptoms = found.stream().map(EvidenceReader::redacted).toList();
        return new Evidence(symptoms, answers, warnings, r.readable, r.inputs);
    }

    /**
     * Lines are redacted as they are read; this catches what is not a line: file and archive entry names
     * in sources, subjects taken from symptom files or metric labels, attributes. Control characters are
     * escaped everywhere, so nothing read can forge or drive what prints it.
     */
    private static Symptom redacted(Symptom s) {
        List<Citation> citations = s.citations().stream()
                .map(c -> new Citation(printable(c.source()), printable(c.text()))).toList();
        java.util.Map<String, String> attributes = new java.util.HashMap<>();
        s.attributes().forEach((k, v) -> attributes.put(k, printable(v)));
        return new Symptom(s.id(), printable(s.subject()), s.count(), s.value(), s.maxValue(), s.firstSeen(), s.lastSeen(),
                attributes, citations);
    }

    private static String printable(String text) {
        return ControlCharacters.escape(Redactor.redact(text));
    }

    private void readFile(Path file, Reading r) {
        String name = file.toString();
        if (!Files.isReadable(file)) {
            r.inputs++;
            r.errors.add(name + ": cannot read file (permission denied or missing)");
            return;
        }
        InputStream in;
        try {
            in = opener == null ? EvidenceFiles.open(file, pipeWaitMs) : opener.open(file);
        } catch (IOException e) {
            r.inputs++;
            r.errors.add(name + ": " + (e instanceof java.nio.file.AccessDeniedException
                    ? "cannot read file (permission denied)" : e.getMessage()) + "; skipped");
            return;
        }
        try (in) {
            readStream(name, in, r, null);
        } catch (IOException e) {
            r.errors.add(name + ": cannot read file: " + e.getMessage());
        }
    }

    /** @param level the archive this stream was read out of, or null for a file or in-memory part */
    private void readStream(String name, InputStream raw, Reading r, ArchiveBudget.Level level) {
        r.inputs++;
        int warningsBefore = r.errors.size();
        try {
            BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES);
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            ContentSniffer.Sniffed sniffed = ContentSniffer.sniff(head);
            if (sniffed.kind().isArchive() && r.budget.isExhausted()) {
                r.inputs--; // the budget's one line already said archives are no longer read
                return;
            }
            switch (sniffed.kind()) {
                case EMPTY -> r.readable++; // an empty file is read, and holds nothing
                case EMPTY_ZIP -> {
                    r.readable++;
                    r.warnings.add(name + ": empty archive, no entries");
                }
                case GZIP -> readGzip(name, in, r, level);
                case ZIP -> {
                    CountingInputStream counted = new CountingInputStream(in);
                    readArchive(name, new ZipArchiveInputStream(counted), r.budget.open(level, name, counted), r);
                }
                case TAR -> {
                    CountingInputStream counted = new CountingInputStream(in);
                    readArchive(name, new TarArchiveInputStream(counted), r.budget.open(level, name, counted), r);
                }
                case BINARY -> r.errors.add(name + ": binary file, not evidence; skipped");
                case TEXT -> readText(name, in, sniffed, r);
            }
        } catch (EvidenceException e) {
            r.errors.add(e.getMessage());
        } catch (IOException e) {
            if (r.errors.size() == warningsBefore) {
                r.errors.add(name + ": cannot read: " + Problem.firstLine(e));
            }
        } catch (RuntimeException | StackOverflowError e) {
            if (r.strict) {
                throw e; // fuzzing: anything but the documented input errors is a bug to find
            }
            // a bug of ours must not lose the rest of the evidence: name the file and go on
            r.errors.add(name + ": cannot read (internal error " + e.getClass().getSimpleName() + ": " + Problem.firstLine(e) + ")");
        }
    }

    private void readGzip(String name, InputStream in, Reading r, ArchiveBudget.Level parent) throws IOException {
        CountingInputStream compressed = new CountingInputStream(in);
        ArchiveBudget.Level level = r.budget.open(parent, name, compressed);
        InputStream gunzipped = new BufferedInputStream(new Expanding(new GZIPInputStream(compressed), r, level, name));
        gunzipped.mark(1024);
        byte[] head = gunzipped.readNBytes(1024);
        gunzipped.reset();
        String inner = name.replaceFirst("(?i)\\.(gz|tgz)$", name.toLowerCase().endsWith(".tgz") ? ".tar" : "");
        r.inputs--; // the archive itself is not an input; its entries are
        if (ContentSniffer.isTar(head)) {
            r.inputs++;
            readArchive(name, new TarArchiveInputStream(gunzipped), level, r);
        } else {
            readStream(inner, gunzipped, r, level);
        }
    }

    private void readArchive(String name, ArchiveInputStream<? extends ArchiveEntry> archive, ArchiveBudget.Level level,
                             Reading r) throws IOException {
        r.inputs--; // the archive itself is not an input; its entries are
        ArchiveEntry entry;
        Runnable checkCrc = () -> { };
        while ((entry = nextEntry(name, archive)) != null) {
            checkCrc.run(); // a zip's data descriptor, which holds the CRC, is read on the way to the next entry
            checkCrc = () -> { };
            if (entry.isDirectory()) {
                continue;
            }
            // entry names are only labels here: nothing is written to disk, so "../" cannot escape
            String entryName = name + "!/" + entry.getName().replace("../", "");
            if (entry instanceof org.apache.commons.compress.archivers.tar.TarArchiveEntry tarEntry && !tarEntry.isFile()) {
                continue; // links and devices are not evidence, and are never followed
            }
            r.budget.entry(entryName);
            CheckedInputStream checked = new CheckedInputStream(CloseShieldInputStream.wrap(archive), new CRC32());
            Expanding content = new Expanding(checked, r, level, entryName);
            readStream(entryName, content, r, level);
            if (r.budget.isExhausted() || level.stopped()) {
                return;
            }
            // what the reader left unread is still expanded to reach the next entry: count it too
            content.transferTo(OutputStream.nullOutputStream());
            if (entry instanceof ZipArchiveEntry zipEntry) {
                long actual = checked.getChecksum().getValue();
                checkCrc = () -> {
                    if (zipEntry.getCrc() != -1 && zipEntry.getCrc() != actual) {
                        r.errors.add(entryName + ": CRC mismatch, the entry is corrupt; what it held was read but may be wrong");
                    }
                };
            }
        }
        checkCrc.run();
    }

    /** commons-compress reports some malformed headers with runtime exceptions: they are input errors here. */
    private static ArchiveEntry nextEntry(String name, ArchiveInputStream<? extends ArchiveEntry> archive) throws IOException {
        try {
            return archive.getNextEntry();
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | IndexOutOfBoundsException e) {
            throw malformed(name, e);
        }
    }

    /**
     * commons-compress reports some malformed headers and compressed data with runtime exceptions
     * (found by fuzzing: an IndexOutOfBoundsException in the zip "unshrink" decoder): input errors here.
     */
    private static EvidenceException malformed(String name, RuntimeException e) {
        return new EvidenceException(name + ": malformed archive (" + Problem.firstLine(e) + "); rest skipped");
    }

    /** Text in the sniffed encoding, its byte order mark dropped, NUL runs of 8-bit text skipped with a warning. */
    private void readText(String name, BufferedInputStream raw, ContentSniffer.Sniffed sniffed, Reading r) throws IOException {
        raw.skipNBytes(sniffed.bomLength());
        if (sniffed.charset() != StandardCharsets.UTF_8) {
            readTextual(name, raw, sniffed.charset(), r);
            return;
        }
        NulSkippingInputStream noNuls = new NulSkippingInputStream(raw);
        BufferedInputStream in = new BufferedInputStream(noNuls, SNIFF_BYTES);
        int warnings = r.warnings.size();
        readTextual(name, in, StandardCharsets.UTF_8, r);
        if (noNuls.skipped() > 0 && noNuls.passed() == 0) {
            r.warnings.add(warnings, name + ": only NUL bytes (an empty tar archive, or a zeroed file); nothing to read");
        } else if (noNuls.skipped() > 0) {
            r.warnings.add(warnings, name + ": " + noNuls.skipped() + " NUL bytes skipped (a log truncated while"
                    + " written, as logrotate's copytruncate leaves it); the rest read");
        }
    }

    private void readTextual(String name, BufferedInputStream in, java.nio.charset.Charset charset, Reading r) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        String start = new String(head, charset).stripLeading();
        if (SymptomFileReader.looksLikeSymptomFile(start)) {
            String content = new String(readBounded(in, name), charset);
            symptomFiles.read(name, content, r.symptoms, r.answers, r.warnings);
            r.readable++;
            return;
        }
        if (looksLikeJson(start)) {
            in.mark(MAX_JSON_BYTES + 1);
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length <= MAX_JSON_BYTES && readJson(name, new String(bytes, charset), r)) {
                r.readable++;
                return;
            }
            in.reset();
        }
        if (charset == StandardCharsets.UTF_8) {
            r.warnings.addAll(text.readUtf8(name, in, r.symptoms));
        } else {
            InputStreamReader reader = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            r.warnings.addAll(text.read(name, reader, r.symptoms));
        }
        r.readable++;
    }

    /** Jackson quotes the offending token ("Unrecognized token 'hunter2'"): it may be a secret, so it goes. */
    static String withoutEchoedToken(String message) {
        return message.replaceAll("(?i)(token|name|value) '[^']*'", "$1");
    }

    /** @return false when the text is not one JSON document (JSON lines, or broken): read it as text */
    private boolean readJson(String name, String content, Reading r) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            boolean jsonLines = content.lines().limit(3).filter(l -> l.strip().startsWith("{")).count() >= 2;
            if (!jsonLines) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                r.warnings.add(name + (line > 0 ? ":" + line : "") + ": invalid JSON ("
                        + withoutEchoedToken(Problem.firstLine(e.getOriginalMessage(), "syntax error")) + "); read as text lines");
            }
            return false;
        }
        if (root == null) {
            return true;
        }
        if (JsonEvidenceReader.isAlertmanagerWebhook(root) || JsonEvidenceReader.isAlertList(root)) {
            json.readAlerts(name, content, root, r.symptoms);
        } else {
            json.readHealth(name, content, r.symptoms);
        }
        return true;
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_JSON_BYTES) {
                throw new EvidenceException(name + ": symptom file larger than " + (MAX_JSON_BYTES >> 20) + " MB");
            }
        }
        return out.toByteArray();
    }

    /** An object, or an array of objects, strings or arrays: not a log line such as "[2026-05-06 09:10:02]". */
    static boolean looksLikeJson(String start) {
        if (start.startsWith("{")) {
            return true;
        }
        if (!start.startsWith("[")) {
            return false;
        }
        String rest = start.substring(1).stripLeading();
        return rest.isEmpty() || "{[\"]".indexOf(rest.charAt(0)) >= 0;
    }

    /**
     * What an archive level expands, charged to the run's {@link ArchiveBudget} as it is read; the
     * runtime exceptions commons-compress throws on malformed data become input errors.
     */
    private static final class Expanding extends ProxyInputStream {
        private final ArchiveBudget budget;
        private final ArchiveBudget.Level level;
        private final String name;
        private final List<String> errors;
        private boolean truncated;

        Expanding(InputStream in, Reading r, ArchiveBudget.Level level, String name) {
            super(in);
            this.budget = r.budget;
            this.errors = r.errors;
            this.level = level;
            this.name = name;
        }

        @Override
        protected void afterRead(int n) {
            if (n > 0) {
                budget.expanded(level, name, n);
            }
        }

        @Override
        protected void handleIOException(IOException e) throws IOException {
            if (e instanceof java.io.EOFException) {
                // compressed data that ends early (GZIPInputStream, the archive readers): what came
                // before it is still evidence, so the stream ends here and the truncation is a warning
                if (!truncated) {
                    truncated = true;
                    errors.add(name + ": truncated (the compressed data ends early); what came before was read");
                }
                return;
            }
            throw e;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | IndexOutOfBoundsException e) {
                throw malformed(name, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | IndexOutOfBoundsException e) {
                throw malformed(name, e);
            }
        }
    }

    /** How many files are read at once (1: one after the other); all cores by default. */
    EvidenceReader withThreads(int threads) {
        this.threads = Math.max(1, threads);
        return this;
    }

    /** For tests: a shorter wait for a writer on a named pipe. */
    EvidenceReader withPipeWait(long ms) {
        this.pipeWaitMs = ms;
        return this;
    }

    /** For tests: a smaller archive budget than the default. */
    EvidenceReader withBudget(java.util.function.Supplier<ArchiveBudget> budget) {
        this.budget = budget;
        return this;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }
}
