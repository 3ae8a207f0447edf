package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.knowledge.PatternDef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Archives are budgeted over the whole run, and corruption inside them is named, never silent. */
class EvidenceArchiveTest {

    private final PatternDef refused = pattern("x.refused", "Connection refused", "connection refused");
    private static final byte[] LINE = "2026-05-06 09:10:02,000 ERROR Connection refused\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] zip(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private EvidenceReader small() {
        // 4 MB in all, 50 entries, ratio checked past 1 MB: the default limits, scaled down for a unit test
        return reader(refused).withBudget(() -> new ArchiveBudget(4L << 20, 50, 1L << 20));
    }

    @Test
    void manyEntriesEachUnderThePerEntryCheckAddUpToABombOverTheArchive() throws IOException {
        Object[] entries = new Object[2 * 20];
        for (int i = 0; i < 20; i++) {
            entries[2 * i] = "zeros-" + i + ".log";
            entries[2 * i + 1] = ("x".repeat(79) + "\n").repeat(600 * 1024 / 80).getBytes(StandardCharsets.UTF_8); // each under the ratio threshold, 12 MB together
        }
        Evidence e = small().read("bundle.zip", zip(entries));
        assertThat(e.warnings()).singleElement().asString()
                .startsWith("bundle.zip: expands").contains("a decompression bomb");
    }

    @Test
    void aBombStopsItsOwnArchiveOnlyAndTheArchiveAfterItIsStillRead() throws IOException {
        byte[] zeros = new byte[3 << 20]; // 3 MB of zeros: far past 200 times its compressed size
        EvidenceReader reader = small();
        Evidence e = reader.read("bundle.zip", zip("bomb.zip", zip("zeros.log", zeros), "later.zip", zip("app.log", LINE)));
        assertThat(e.warnings()).singleElement().asString().startsWith("bundle.zip!/bomb.zip: expands").contains("a decompression bomb");
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("x.refused"));
    }

    @Test
    void theWholeRunIsBudgetedInBytesWithOneLineWhenItRunsOut() throws IOException {
        byte[] random = new byte[1 << 20];
        new java.util.Random(1).nextBytes(random); // incompressible: no ratio to catch, only the run's total
        byte[] bundle = zip("a.bin", random, "b.bin", random, "c.bin", random);
        EvidenceReader reader = small();
        Evidence e = reader.read("bundle.zip", zip("one.zip", bundle, "two.zip", bundle, "app.log", LINE));
        assertThat(e.warnings()).filteredOn(w -> w.contains("expanded past")).hasSize(1);
    }

    @Test
    void archivesNestedTooDeepAreNotRead() throws IOException {
        byte[] nested = zip("app.log", LINE);
        for (int i = 0; i < 5; i++) {
            nested = zip("level" + i + ".zip", nested);
        }
        Evidence e = small().read("deep.zip", nested);
        assertThat(e.symptoms()).isEmpty();
        assertThat(e.warnings()).singleElement().asString().contains("nested more than 4 deep");
    }

    @Test
    void theEntryCountIsBudgeted() throws IOException {
        Object[] entries = new Object[2 * 60];
        for (int i = 0; i < 60; i++) {
            entries[2 * i] = "e" + i + ".log";
            entries[2 * i + 1] = LINE;
        }
        Evidence e = small().read("many.zip", zip(entries));
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(50));
        assertThat(e.warnings()).singleElement().asString().contains("more than 50 archive entries");
    }

    @Test
    void aZipEntryWithAWrongCrcIsNamed() throws IOException {
        byte[] zip = zip("app.log", LINE, "other.log", "other\n".getBytes(StandardCharsets.UTF_8));
        // the entry's CRC-32 (little-endian) is in its data descriptor and the central directory: corrupt it everywhere
        java.util.zip.CRC32 sum = new java.util.zip.CRC32();
        sum.update(LINE);
        long v = sum.getValue();
        byte[] crc = {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        byte[] bad = zip.clone();
        for (int i = 0; i + 4 <= bad.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bad, i, i + 4), crc)) {
                bad[i] ^= 0x5a;
            }
        }
        Evidence e = reader(refused).read("bundle.zip", bad);
        assertThat(e.warnings()).anySatisfy(w -> assertThat(w).contains("bundle.zip!/app.log").contains("CRC"));
    }

    @Test
    void aTruncatedGzipIsNamedAndWhatWasReadIsKept() throws IOException {
        byte[] log = new byte[0];
        for (int i = 0; i < 2000; i++) {
            log = concat(log, LINE);
        }
        byte[] gz = gzip(log);
        Evidence e = reader(refused).read("app.log.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThat(e.symptoms()).isNotEmpty();
        assertThat(e.warnings()).singleElement().asString().contains("app.log").contains("truncated");
    }

    @Test
    void aTruncatedTarGzIsNamed() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar)) {
            for (String name : new String[]{"a.log", "b.log"}) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
                byte[] content = new byte[0];
                for (int i = 0; i < 300; i++) {
                    content = concat(content, LINE);
                }
                entry.setSize(content.length);
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        byte[] tgz = gzip(tar.toByteArray());
        Evidence e = reader(refused).read("bundle.tar.gz", Arrays.copyOf(tgz, tgz.length * 2 / 3));
        assertThat(e.warnings()).singleElement().asString().contains("bundle.tar.gz").contains("truncated");
    }

    @Test
    void anEmptyTarGzIsEmptyNotBinary() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar).close();
        Evidence e = reader(refused).read("empty.tar.gz", gzip(tar.toByteArray()));
        assertThat(e.warnings()).singleElement().asString().contains("empty").doesNotContain("binary");
        assertThat(e.nothingReadable()).isFalse();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
