package triage.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.testing.TestTriage;

import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz tests of every evidence reader (Jazzer). In the test command each target
 * fuzzes briefly in its own JVM (see the fuzz-* executions in pom.xml); in a plain test run they
 * replay their seeds. Any exception other than the documented input errors (which the readers turn
 * into one-line warnings) fails the target; {@link EvidenceReader#readStrict} lets such exceptions through.
 */
class EvidenceFuzzTest {

    private static final EvidenceReader READER = reader();

    /** The project's own recognition knowledge; no rules are compiled (fuzzing instruments every class it loads). */
    private static EvidenceReader reader() {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(TestTriage.projectRoot());
        return new EvidenceReader(kb, new Recognizer(kb));
    }

    private static byte[] concat(String prefix, byte[] data) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[p.length + data.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(data, 0, out, p.length, data.length);
        return out;
    }

    @FuzzTest(maxDuration = "8s")
    void textLogs(byte[] data) {
        READER.readStrict("fuzz.log", data);
        String line = new String(data, StandardCharsets.UTF_8);
        Timestamps.parse(line, 2026);
        Redactor.redact(line);
    }

    @FuzzTest(maxDuration = "8s")
    void healthJson(byte[] data) {
        READER.readStrict("health.json", concat("{\"status\": ", data));
    }

    @FuzzTest(maxDuration = "8s")
    void alertmanagerWebhook(byte[] data) {
        READER.readStrict("webhook.json", concat("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[", data));
    }

    @FuzzTest(maxDuration = "8s")
    void symptomFiles(byte[] data) {
        READER.readStrict("symptoms.yaml", concat("symptoms:\n", data));
        READER.readStrict("symptoms.json", concat("{\"symptoms\": ", data));
    }

    @FuzzTest(maxDuration = "8s")
    void archives(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] gz = concat("\u001f", data);
        gz[1] = (byte) 0x8b;
        READER.readStrict("bundle.tar.gz", gz);
        READER.readStrict("bundle.zip", concat("PK\u0003\u0004", data));
        byte[] tar = new byte[Math.max(512, data.length)];
        System.arraycopy(data, 0, tar, 0, data.length);
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        READER.readStrict("bundle.tar", tar);
    }

    @FuzzTest(maxDuration = "8s")
    void prometheusText(byte[] data) {
        READER.readStrict("metrics.txt", concat("# TYPE x gauge\n", data));
        TextReader.sample(new String(data, StandardCharsets.UTF_8));
    }
}
