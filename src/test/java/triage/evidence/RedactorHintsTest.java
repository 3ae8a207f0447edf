package triage.evidence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redactor skips a rule when none of its hint strings is in the line (a speed-up: the key-name rule
 * cost tens of microseconds on every line). Skipping must never change what is masked: this compares it
 * with the rules run on every line, over lines that hold secrets in every case and spelling, and lines
 * that hold none.
 */
class RedactorHintsTest {

    private static final String KEY_NAMES = "(?:api[_-]?key|api[_-]?secret|secret[_-]?key|secret|passphrase|password|passwd|pwd|"
            + "token|access[_-]?token|refresh[_-]?token|auth[_-]?token|private[_-]?key|client[_-]?secret|"
            + "signature|sig|x-mbx-apikey|apca-api-key-id|apca-api-secret-key|cb-access-key|cb-access-sign|"
            + "cb-access-passphrase|api-key|api-sign|ok-access-key|ok-access-sign|ok-access-passphrase|"
            + "x-api-key|key_secret|aws_secret_access_key|aws_access_key_id|webhook[_-]?url|slack_api_url)";

    /** The rules as they were before hints: every rule on every line. */
    private static final List<Object[]> REFERENCE = List.of(
            new Object[]{Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----.*"), 0},
            new Object[]{Pattern.compile("^[A-Za-z0-9+/]{60,}={0,2}$"), 0},
            new Object[]{Pattern.compile("(?i)\\b(?:bearer|basic|token)\\s+([A-Za-z0-9._~+/=-]{8,})"), 1},
            new Object[]{Pattern.compile("(?i)[\"']?\\b" + KEY_NAMES + "[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;&}]{4,})"), 1},
            new Object[]{Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:([^\\s@/]+)@"), 1},
            new Object[]{Pattern.compile("hooks\\.slack\\.com/services/([A-Za-z0-9/]+)"), 1},
            new Object[]{Pattern.compile("\\b((?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})\\b"), 1});

    private static String reference(String text) {
        String out = text;
        for (Object[] rule : REFERENCE) {
            Pattern p = (Pattern) rule[0];
            int group = (Integer) rule[1];
            Matcher m = p.matcher(out);
            if (!m.find()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            int last = 0;
            do {
                int start = m.start(group);
                int end = m.end(group);
                if (start < last) {
                    continue;
                }
                sb.append(out, last, start).append(Redactor.MASK);
                last = end;
            } while (m.find());
            sb.append(out.substring(last));
            out = sb.toString();
        }
        return out;
    }

    private static List<String> corpus() {
        List<String> lines = new ArrayList<>(List.of(
                "binance 429 Too Many Requests {\"code\":-1003,\"msg\":\"Too many requests; current limit is 1200 requests per minute.\"}",
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "AUTHORIZATION: BASIC dXNlcjpwYXNzd29yZA==", "token   abcdefgh12345678", "Token: 0123456789abcdef",
                "connecting to postgres://trader:hunter2secret@db:5432/orders", "REDIS_URL=redis://default:S3cr3tP4ss@cache:6379",
                "SLACK_API_URL=https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV==",
                "stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc and pk_test_TYooMQauvdEDq54NiTphI7jx",
                "slack xoxb-123456789012-abcdefghijkl github ghp_abcdefghijklmnopqrstuvwxyz0123 aws AKIAIOSFODNN7EXAMPLE",
                "{\"signature\": \"9f86d081884c7d659a2feaa0c55ad015\", \"timestamp\": 1715000000}", "sig=abcdef123456&recvWindow=5000",
                "X-MBX-APIKEY: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                "CB-ACCESS-SIGN=abcd1234 CB-ACCESS-PASSPHRASE=myphrase", "APCA-API-SECRET-KEY: abcdefghijkl",
                "password=hunter22 PASSWD: qwertyuiop Pwd = zxcvbnm1", "\"apiSecret\": \"abcd\", 'api_key': 'XYZW1234'",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "webhook-url: https://example.com/hook/abcdef",
                "client_secret=abc123xyz refresh_token=def456uvw AUTH_TOKEN=ghi789rst private-key=jkl012opq",
                "2026-05-06 09:10:00 ERROR order rejected: insufficient balance", "systemd[1]: trading-engine.service: Main process exited",
                "GET /api/v3/order?symbol=BTCUSDT&signature=3f9a...&timestamp=1 HTTP/1.1", "Kelvin \u212Aey=abcd1234 \u212AEY: abcd",
                "", "   ", "ключ secret=значение1234", "a very long line " + "x".repeat(500) + " api_key=abcd1234 tail"));
        // and each in upper, lower and mixed case
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l);
            out.add(l.toUpperCase(java.util.Locale.ROOT));
            out.add(l.toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    @Test
    void hintsNeverChangeWhatIsMasked() {
        for (String line : corpus()) {
            assertThat(Redactor.redact(line)).as(line).isEqualTo(line.isEmpty() ? line : reference(line));
        }
    }

    @Test
    void secretsAreStillMasked() {
        assertThat(Redactor.redact("API_KEY=abcd1234efgh")).isEqualTo("API_KEY=" + Redactor.MASK);
        assertThat(Redactor.redact("Authorization: Bearer abcdefgh12345678")).doesNotContain("abcdefgh12345678");
        assertThat(Redactor.redact("postgres://u:hunter2@db/x")).doesNotContain("hunter2");
        assertThat(Redactor.redact("key AKIAIOSFODNN7EXAMPLE")).doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }
}
