package triage.evidence;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from evidence text before anything keeps it: API keys and secrets, passwords,
 * bearer tokens, signatures, passwords in connection URLs, private keys. Every line the tool
 * stores or prints has gone through here.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    /**
     * @param hints lowercase strings one of which any match must hold: a rule whose hints are all absent
     *              from the line is not run (the key-name rule alone costs tens of microseconds a line);
     *              a rule without hints always runs
     */
    private record Rule(Pattern pattern, int group, String... hints) {
        boolean mayMatch(String lower) {
            if (hints.length == 0) {
                return true;
            }
            for (String h : hints) {
                if (lower.contains(h)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String KEY_NAMES = "(?:api[_-]?key|api[_-]?secret|secret[_-]?key|secret|passphrase|password|passwd|pwd|"
            + "token|access[_-]?token|refresh[_-]?token|auth[_-]?token|private[_-]?key|client[_-]?secret|"
            + "signature|sig|x-mbx-apikey|apca-api-key-id|apca-api-secret-key|cb-access-key|cb-access-sign|"
            + "cb-access-passphrase|api-key|api-sign|ok-access-key|ok-access-sign|ok-access-passphrase|"
            + "x-api-key|key_secret|aws_secret_access_key|aws_access_key_id|webhook[_-]?url|slack_api_url)";

    private static final List<Rule> RULES = List.of(
            // PEM blocks (one line at a time: header, body lines and footer)
            new Rule(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----.*"), 0),
            new Rule(Pattern.compile("^[A-Za-z0-9+/]{60,}={0,2}$"), 0),
            // Authorization: Bearer xxx / Basic xxx
            new Rule(Pattern.compile("(?i)\\b(?:bearer|basic|token)\\s+([A-Za-z0-9._~+/=-]{8,})"), 1, "bearer", "basic", "token"),
            // key=value, key: value, "key": "value", header-style key names
            new Rule(Pattern.compile("(?i)[\"']?(?:\\b|(?<=_))" + KEY_NAMES + "[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;&}]{4,})"), 1,
                    "key", "secret", "pass", "pwd", "token", "sig", "webhook", "slack"), // every KEY_NAMES name holds one
            // passwords in URLs: scheme://user:password@host
            new Rule(Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:([^\\s@/]+)@"), 1, "://"),
            // Slack incoming-webhook paths and similar capability URLs
            new Rule(Pattern.compile("hooks\\.slack\\.com/services/([A-Za-z0-9/]+)"), 1),
            // well-known token shapes anywhere
            new Rule(Pattern.compile("\\b((?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})\\b"), 1,
                    "k_live_", "k_test_", "xox", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "akia", "eyj"));

    private Redactor() {
    }

    /** Redacts the values of named captures too: a capture may hold a key. */
    public static java.util.Map<String, String> redact(java.util.Map<String, String> values) {
        if (values.isEmpty()) {
            return values;
        }
        java.util.Map<String, String> out = new java.util.HashMap<>(values.size() * 2);
        values.forEach((k, v) -> out.put(k, redact(v)));
        return out;
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (!rule.mayMatch(lower)) {
                continue;
            }
            Matcher m = rule.pattern.matcher(out);
            if (!m.find()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            int last = 0;
            do {
                int start = m.start(rule.group);
                int end = m.end(rule.group);
                if (start < last) {
                    continue;
                }
                sb.append(out, last, start).append(MASK);
                last = end;
            } while (m.find());
            sb.append(out.substring(last));
            out = sb.toString();
            lower = out.toLowerCase(Locale.ROOT);
        }
        return out;
    }
}
