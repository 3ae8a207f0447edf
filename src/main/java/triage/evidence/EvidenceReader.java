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
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import triage.facts.Answer;
import triage.facts.Citation;
import triage.facts.Symptom;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.Problem;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
    /** Most bytes read out of one archive, however well it compresses. */
    static final long MAX_ARCHIVE_BYTES = 16L * 1024 * 1024 * 1024;
    /** Past this much output, an archive expanding more than {@link #MAX_RATIO} times its input is a bomb. */
    static final long RATIO_CHECK_AFTER = 64L * 1024 * 1024;
    static final int MAX_RATIO = 200;
    private static final int SNIFF_BYTES = 64 * 1024;

    private final KnowledgeBase kb;
    private final TextReader text;
    private final JsonEvidenceReader json;
    private final SymptomFileReader symptomFiles;
    private final ObjectMapper mapper;

    /** Opens a file for reading; tests inject failures here (as root, permissions cannot make a file unreadable). */
    interface Opener {
        InputStream open(Path file) throws IOException;
    }

    private final Opener opener;

    public EvidenceReader(KnowledgeBase kb, Recognizer recognizer) {
        this(kb, recognizer, Files::newInputStream);
    }

    EvidenceReader(KnowledgeBase kb, Recognizer recognizer, Opener opener) {
        this.opener = opener;
        this.kb = kb;
        this.text = new TextReader(recognizer);
        this.json = new JsonEvidenceReader(recognizer);
        this.symptomFiles = new SymptomFileReader(kb);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Per-call state: what has been read so far. */
    private static final class Reading {
        final SymptomAggregator symptoms = new SymptomAggregator();
        final List<Answer> answers = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        int readable;
        int inputs;
        boolean strict;
    }

    /** Reads files and folders. */
    public Evidence read(List<Path> paths) {
        Reading r = new Reading();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        readFile(f, r);
                    }
                } catch (IOException e) {
                    r.inputs++;
                    r.errors.add(path + ": cannot list folder: " + e.getMessage());
                }
            } else {
                readFile(path, r);
            }
        }
        return finish(r);
    }

    /** Reads one piece of evidence given in memory (for the service and the API). */
    public Evidence read(String name, byte[] content) {
        Reading r = new Reading();
        readStream(name, new ByteArrayInputStream(content), r);
        return finish(r);
    }

    /**
     * Like {@link #read(String, byte[])}, but lets through any exception other than the documented
     * input errors (unreadable, malformed or hostile input reported as warnings): for fuzz tests.
     */
    Evidence readStrict(String name, byte[] content) {
        Reading r = new Reading();
        r.strict = true;
        readStream(name, new ByteArrayInputStream(content), r);
        return finish(r);
    }

    private Evidence finish(Reading r) {
        java.util.Set<String> unique = new java.util.LinkedHashSet<>();
        r.errors.forEach(w -> unique.add(printable(w)));
        r.warnings.forEach(w -> unique.add(printable(w)));
        List<String> warnings = new ArrayList<>(unique);
        List<Answer> answers = new ArrayList<>(r.symptoms.absences());
        answers.addAll(r.answers);
        List<Symptom> symptoms = r.symptoms.symptoms().stream().map(EvidenceReader::redacted).toList();
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
        try (InputStream in = opener.open(file)) {
            readStream(name, in, r);
        } catch (IOException e) {
            r.errors.add(name + ": cannot read file: " + e.getMessage());
        }
    }

    private void readStream(String name, InputStream raw, Reading r) {
        r.inputs++;
        int warningsBefore = r.errors.size();
        try {
            BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES);
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            if (head.length == 0) {
                r.readable++; // an empty file is read, and holds nothing
                return;
            }
            if (isGzip(head)) {
                readGzip(name, in, r);
            } else if (isZip(head)) {
                CountingInputStream counted = new CountingInputStream(in);
                readArchive(name, new ZipArchiveInputStream(counted), counted, r);
            } else if (isTar(head)) {
                CountingInputStream counted = new CountingInputStream(in);
                readArchive(name, new TarArchiveInputStream(counted), counted, r);
            } else if (isBinary(head)) {
                r.errors.add(name + ": binary file, not evidence; skipped");
            } else {
                readTextual(name, in, head, r);
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

    private void readGzip(String name, InputStream in, Reading r) throws IOException {
        CountingInputStream compressed = new CountingInputStream(in);
        InputStream gunzipped = new BufferedInputStream(new LimitedInputStream(new GZIPInputStream(compressed), compressed, name));
        gunzipped.mark(1024);
        byte[] head = gunzipped.readNBytes(1024);
        gunzipped.reset();
        String inner = name.replaceFirst("(?i)\\.(gz|tgz)$", name.toLowerCase().endsWith(".tgz") ? ".tar" : "");
        r.inputs--; // the archive itself is not an input; its entries are
        if (isTar(head)) {
            r.inputs++;
            readArchive(name, new TarArchiveInputStream(gunzipped), compressed, r);
        } else {
            readStream(inner, gunzipped, r);
        }
    }

    private void readArchive(String name, ArchiveInputStream<? extends ArchiveEntry> archive, CountingInputStream compressed,
                             Reading r) throws IOException {
        r.inputs--; // the archive itself is not an input; its entries are
        ArchiveEntry entry;
        while ((entry = nextEntry(name, archive)) != null) {
            if (entry.isDirectory()) {
                continue;
            }
            // entry names are only labels here: nothing is written to disk, so "../" cannot escape
            String entryName = name + "!/" + entry.getName().replace("../", "");
            if (entry instanceof org.apache.commons.compress.archivers.tar.TarArchiveEntry tarEntry && !tarEntry.isFile()) {
                continue; // links and devices are not evidence, and are never followed
            }
            readStream(entryName, new LimitedInputStream(new NonClosingInputStream(archive), compressed, entryName), r);
        }
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

    private void readTextual(String name, BufferedInputStream in, byte[] head, Reading r) throws IOException {
        String start = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (SymptomFileReader.looksLikeSymptomFile(start)) {
            String content = new String(readBounded(in, name), StandardCharsets.UTF_8);
            symptomFiles.read(name, content, r.symptoms, r.answers, r.warnings);
            r.readable++;
            return;
        }
        if (looksLikeJson(start)) {
            in.mark(MAX_JSON_BYTES + 1);
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length <= MAX_JSON_BYTES && readJson(name, new String(bytes, StandardCharsets.UTF_8), r)) {
                r.readable++;
                return;
            }
            in.reset();
        }
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        r.warnings.addAll(text.read(name, reader, r.symptoms));
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

    static boolean isGzip(byte[] h) {
        return h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b;
    }

    static boolean isZip(byte[] h) {
        return h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
    }

    static boolean isTar(byte[] h) {
        return h.length >= 263 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
    }

    /** NUL bytes, or many control characters, in the first block: not text. */
    static boolean isBinary(byte[] h) {
        int control = 0;
        int n = Math.min(h.length, 8192);
        for (int i = 0; i < n; i++) {
            int b = h[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        return control > n / 10;
    }


    /** Counts the bytes read through it: the compressed side of an archive. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /**
     * Stops a decompression bomb: an archive whose output grows past {@link #RATIO_CHECK_AFTER} while
     * expanding more than {@link #MAX_RATIO} times its input (real logs compress 5 to 20 times), or
     * past {@link #MAX_ARCHIVE_BYTES} in all.
     */
    private static final class LimitedInputStream extends FilterInputStream {
        private final CountingInputStream compressed;
        private final String name;
        private long count;

        LimitedInputStream(InputStream in, CountingInputStream compressed, String name) {
            super(in);
            this.compressed = compressed;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | IndexOutOfBoundsException e) {
                throw malformed(name, e);
            }
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | IndexOutOfBoundsException e) {
                throw malformed(name, e);
            }
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) {
            count += n;
            boolean bomb = count > RATIO_CHECK_AFTER && count > MAX_RATIO * Math.max(1, compressed.count);
            if (bomb || count > MAX_ARCHIVE_BYTES) {
                throw new EvidenceException(name + ": expands " + (count >> 20) + " MB from " + (compressed.count >> 10)
                        + " KB: a decompression bomb, not evidence; rest skipped");
            }
        }
    }

    /** An archive entry stream: closing it must not close the archive. */
    private static final class NonClosingInputStream extends FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }
}
