package triage.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import triage.knowledge.PatternDef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Real logs in other encodings, with NUL holes or odd line ends are read, never dropped as binary. */
class EvidenceEncodingTest {

    private final PatternDef refused = pattern("x.refused", "Connection refused", "connection refused");
    private static final String LOG = "2026-05-06 09:10:01,000 INFO starting\n"
            + "2026-05-06 09:10:02,000 ERROR Connection refused\n"
            + "2026-05-06 09:10:03,000 ERROR Connection refused\n";

    private Evidence read(byte[] content) {
        return reader(refused).read("app.log", content);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void wideEncodingsWithoutAByteOrderMarkAreRecognised(String charset) {
        Evidence e = read(LOG.getBytes(Charset.forName(charset)));
        assertThat(e.warnings()).isEmpty();
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void aByteOrderMarkIsReadAndDropped(String charset) {
        Evidence e = read(("\uFEFF" + LOG).getBytes(Charset.forName(charset)));
        assertThat(e.warnings()).isEmpty();
        assertThat(e.symptoms()).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.citations().get(0).text()).doesNotContain("\uFEFF");
        });
    }

    @Test
    void utf16InsideGzipIsRead() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(("\uFEFF" + LOG).getBytes(StandardCharsets.UTF_16LE));
        }
        Evidence e = reader(refused).read("app.log.gz", gz.toByteArray());
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(2));
    }

    @Test
    void aLeadingBlockOfNulsFromCopytruncateIsSkippedWithAWarning() {
        Evidence e = read(concat(new byte[200_000], LOG.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(2));
        assertThat(e.warnings()).containsExactly("app.log: 200000 NUL bytes skipped (a log truncated while written,"
                + " as logrotate's copytruncate leaves it); the rest read");
    }

    @Test
    void aNulBlockInsideALogIsSkippedAndTheLinesAroundItRead() {
        String[] halves = LOG.split("(?<=starting\n)");
        Evidence e = read(concat(halves[0].getBytes(StandardCharsets.UTF_8), new byte[4096],
                halves[1].getBytes(StandardCharsets.UTF_8)));
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(2));
        assertThat(e.warnings()).singleElement().asString().contains("4096 NUL bytes skipped");
    }

    @Test
    void scatteredNulsAreStillBinary() {
        byte[] elf = concat(bytes(0x7f, 'E', 'L', 'F', 2, 1, 1, 0), new byte[8], bytes(3, 0, 0x3e, 0, 1, 0, 0, 0),
                "Connection refused".getBytes(StandardCharsets.UTF_8), bytes(0, 1, 0, 2, 0, 3));
        Evidence e = read(elf);
        assertThat(e.symptoms()).isEmpty();
        assertThat(e.warnings()).singleElement().asString().contains("binary");
    }

    @Test
    void carriageReturnOnlyLineEndsSplitLines() {
        Evidence e = read(LOG.replace('\n', '\r').getBytes(StandardCharsets.UTF_8));
        assertThat(e.symptoms()).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.citations().get(0).text()).isEqualTo("2026-05-06 09:10:02,000 ERROR Connection refused");
        });
    }

    @Test
    void crLfAndMixedLineEndsGiveNoEmptyExtraLines() {
        Evidence e = read("a\r\n2026-05-06 09:10:02,000 ERROR Connection refused\r\nb\rc\n".getBytes(StandardCharsets.UTF_8));
        assertThat(e.symptoms()).singleElement().satisfies(s ->
                assertThat(s.citations().get(0).text()).isEqualTo("2026-05-06 09:10:02,000 ERROR Connection refused"));
    }

    @Test
    void aByteOrderMarkBeforeASymptomFileIsIgnored() {
        byte[] file = ("\uFEFFsymptoms:\n  - id: x.refused\n    count: 3\n").getBytes(StandardCharsets.UTF_8);
        Evidence e = reader(refused).read("symptoms.yaml", file);
        assertThat(e.warnings()).isEmpty();
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(3));
    }

    @Test
    void anEmptyZipIsEmptyNotBinary() {
        byte[] emptyZip = concat(bytes('P', 'K', 5, 6), new byte[18]);
        Evidence e = reader(refused).read("bundle.zip", emptyZip);
        assertThat(e.warnings()).containsExactly("bundle.zip: empty archive, no entries");
        assertThat(e.nothingReadable()).isFalse();
    }
}
