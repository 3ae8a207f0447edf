package triage.evidence;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.knowledge.PatternDef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import triage.knowledge.KnowledgeBase;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Folders, bundles and bad input: one bad file is a warning, the rest is still read. */
class EvidenceReaderTest {

    @TempDir
    Path dir;

    private final PatternDef refused = pattern("x.refused", "Connection refused", "connection refused");
    private static final String LINE = "2026-05-06 09:10:02,000 ERROR Connection refused\n";

    @Test
    void foldersAreReadRecursively() throws IOException {
        Files.createDirectories(dir.resolve("logs/a"));
        Files.writeString(dir.resolve("logs/a/one.log"), LINE);
        Files.writeString(dir.resolve("two.log"), LINE.replace("02,000", "03,000")); // the same content would count once
        Evidence e = reader(refused).read(List.of(dir));
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(2));
        assertThat(e.readable()).isEqualTo(2);
    }

    @Test
    void tarGzBundlesAreStreamedWithoutUnpackingAndDotDotPathsStayLabels() throws IOException {
        Path bundle = dir.resolve("diagnostics.tar.gz");
        try (OutputStream f = Files.newOutputStream(bundle);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(f))) {
            for (String name : List.of("logs/exchanges.log", "../../etc/evil.log")) {
                byte[] data = LINE.getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        Evidence e = reader(refused).read(List.of(bundle));
        assertThat(e.warnings()).isEmpty();
        assertThat(e.symptoms()).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.citations().get(0).source()).isEqualTo(bundle + "!/logs/exchanges.log:1");
        });
        assertThat(Files.exists(dir.resolve("etc"))).isFalse();
    }

    @Test
    void zipBundlesAreRead() throws IOException {
        Path bundle = dir.resolve("bundle.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            zip.putNextEntry(new ZipEntry("system.log"));
            zip.write(LINE.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(reader(refused).read(List.of(bundle)).symptoms()).hasSize(1);
    }

    @Test
    void aSingleGzippedLogIsRead() throws IOException {
        Path gz = dir.resolve("exchanges.log.1.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(LINE.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(reader(refused).read(List.of(gz)).symptoms()).hasSize(1);
    }

    @Test
    void aGzipBombIsStoppedWithAWarningAndTheOtherFilesAreStillRead() throws IOException {
        Path bomb = dir.resolve("bomb.log.gz");
        // one gzip member of 1 MB of zeros (about 1 KB), written 2,100 times: gzip readers read concatenated
        // members as one stream, so this is 2.1 GB of zeros in about 2 MB, made without compressing 2.1 GB
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(member)) {
            out.write(new byte[1 << 20]);
        }
        try (OutputStream out = Files.newOutputStream(bomb)) {
            for (int i = 0; i < 2100; i++) {
                member.writeTo(out);
            }
        }
        Files.writeString(dir.resolve("good.log"), LINE);
        Evidence e = reader(refused).read(List.of(dir));
        assertThat(e.symptoms()).hasSize(1);
        assertThat(e.warnings()).anySatisfy(w -> assertThat(w).contains("bomb.log"));
    }

    @Test
    void binaryEmptyAndUnreadableFilesAreWarningsNotFailures() throws IOException {
        Files.write(dir.resolve("core.1234"), new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3});
        Files.writeString(dir.resolve("empty.log"), "");
        // three different files (files of the same content count once): only good.log can be read
        Files.writeString(dir.resolve("locked.log"), LINE + "# locked\n");
        Files.writeString(dir.resolve("breaks.log"), LINE + "# breaks\n");
        Files.writeString(dir.resolve("good.log"), LINE);
        // injected failures, since permissions cannot make a file unreadable to root (CI runs as root)
        KnowledgeBase kb = RecognitionFixture.kb(List.of(refused), List.of(), List.of());
        EvidenceReader reader = new EvidenceReader(kb, new Recognizer(kb), file -> switch (file.getFileName().toString()) {
            case "locked.log" -> throw new java.nio.file.AccessDeniedException(file.toString());
            case "breaks.log" -> new java.io.InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("Input/output error");
                }
            };
            default -> Files.newInputStream(file);
        });
        Evidence e = reader.read(List.of(dir));
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(1));
        assertThat(e.warnings()).anySatisfy(w -> assertThat(w).contains("core.1234").contains("binary"));
        assertThat(e.warnings()).anySatisfy(w -> assertThat(w).contains("locked.log: cannot read file"));
        assertThat(e.warnings()).anySatisfy(w -> assertThat(w).contains("breaks.log: cannot read: Input/output error"));
        assertThat(e.nothingReadable()).isFalse();
    }

    @Test
    void nothingReadableIsReportedAsSuch() throws IOException {
        Path bin = dir.resolve("only.bin");
        Files.write(bin, new byte[]{0, 1, 2, 3, 0, 0});
        assertThat(reader(refused).read(List.of(bin)).nothingReadable()).isTrue();
    }
}
