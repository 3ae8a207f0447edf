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
     * @param group  the group to mask: 0 for the whole match, -1 for the first group that matched
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
            + "x-bapi-api-key|x-bapi-sign|kc-api-key|kc-api-sign|kc-api-passphrase|bfx-apikey|bfx-signature|"
            + "x-auth-signature|accountkey|sharedaccesskey|listen[_-]?key|"
            + "x-api-key|key_secret|aws_secret_access_key|aws_access_key_id|webhook[_-]?url|slack_api_url)";

    /** A value: double-quoted (also inside escaped JSON, \"...\"), single-quoted (spaces allowed), or a bare word. */
    private static final String VALUE = "(?:\\\\?\"((?:[^\"\\\\]|\\\\(?!\"))+)\\\\?\"|'([^']+)'|([^\\s\"',;&}\\\\]{4,}))";
    private static final String ARG = "(?:\"([^\"]+)\"|'([^']+)'|([^\\s\"']+))";

    private static final List<Rule> RULES = List.of(
            // PEM blocks (one line at a time: header, body lines and footer)
            new Rule(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----.*"), 0),
            new Rule(Pattern.compile("^[A-Za-z0-9+/]{60,}={0,2}$"), 0),
            // Authorization: Bearer xxx / Basic xxx
            new Rule(Pattern.compile("(?i)\\b(?:bearer|basic|token)\\s+([A-Za-z0-9._~+/=-]{8,})"), 1, "bearer", "basic", "token"),
            // wallet seed phrases: 12 to 24 words after the key name
            new Rule(Pattern.compile("(?i)\\b(?:mnemonic|seed[_ -]?phrase|recovery[_ -]?phrase)\\b[\"']?\\s*[:=]\\s*[\"']?([a-z]+(?:\\s+[a-z]+){11,23})"),
                    1, "mnemonic", "seed", "recovery"),
            // Cookie: and Set-Cookie: values, to the end of the header
            new Rule(Pattern.compile("(?i)\\b(?:set-)?cookie[\"']?\\s*:\\s*[\"']?([^\"'\\r\\n]+)"), 1, "cookie"),
            // key=value, key: value, "key": "value", \"key\":\"value\", header-style key names
            new Rule(Pattern.compile("(?i)[\"']?(?:\\b|(?<=_))" + KEY_NAMES + "\\\\?[\"']?\\s*[:=]\\s*" + VALUE), -1,
                    "key", "secret", "pass", "pwd", "token", "sig", "webhook", "slack"), // every KEY_NAMES name holds one
            // environment assignments anywhere in a line: PGPASSWORD=..., EXCHANGE_API_TOKEN=..., FOO_SECRET="..."
            new Rule(Pattern.compile("\\b[A-Z][A-Z0-9_]*(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|PASSPHRASE|APIKEY|API_KEY|PRIVATE_KEY|ACCESS_KEY)\\s*=\\s*" + ARG), -1,
                    "pass", "pwd", "secret", "token", "key"),
            // passwords given as command-line arguments
            new Rule(Pattern.compile("(?i)(?:^|\\s)--(?:password|passwd|pass|pwd|token|api-?key|api-?secret|secret|auth-token)(?:\\s+|=)" + ARG), -1,
                    "--pass", "--pwd", "--token", "--api", "--secret", "--auth"),
            new Rule(Pattern.compile("\\bredis-cli\\b.*?\\s-a\\s+" + ARG), -1, "redis-cli"),
            new Rule(Pattern.compile("\\bsshpass\\s+-p\\s*" + ARG), -1, "sshpass"),
            new Rule(Pattern.compile("\\b(?:mysql|mysqldump|mysqladmin|mariadb|mysqlsh)\\b.*?\\s-p(?:\"([^\"]+)\"|'([^']+)'|([^\\s\"']+))"), -1, "mysql", "mariadb"),
            new Rule(Pattern.compile("\\b(?:curl|wget)\\b.*?\\s(?:-u|--user)\\s+[\"']?[^\\s:\"']+:([^\\s\"']+)"), 1, "curl", "wget"),
            // FIX logon: Password(554), RawData(96), NewPassword(925); fields split by SOH, | or ^A
            new Rule(Pattern.compile("(?<=[|\\u0001\\s]|\\^A)(?:554|96|925)=([^|\\u0001\\s^]+)"), 1, "8=fix"),
            // passwords in URLs: scheme://user:password@host, scheme://:password@host; the password may hold '@'
            new Rule(Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s:/@]*:([^\\s/]+?)@(?=[A-Za-z0-9.\\[\\]_-]+(?:[:/?#\\s\"'\\\\]|$))"), 1, "://"),
            // chat and notification webhooks (Slack incoming, workflow and trigger hooks; Discord; Telegram bots)
            new Rule(Pattern.compile("(?i)hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9/_-]+)"), 1, "hooks.slack"),
            new Rule(Pattern.compile("(?i)discord(?:app)?\\.com/api/webhooks/([0-9]+/[A-Za-z0-9_-]+)"), 1, "discord"),
            new Rule(Pattern.compile("(?i)api\\.telegram\\.org/(?:file/)?bot([0-9]+:[A-Za-z0-9_-]+)"), 1, "telegram"),
            // exchange listen keys in user-data stream URLs
            new Rule(Pattern.compile("(?i)\\bwss?://[^\\s/]+/(?:ws|stream)/([A-Za-z0-9]{50,})"), 1, "ws://", "wss://"),
            // well-known token shapes anywhere (provider prefixes)
            new Rule(Pattern.compile("\\b((?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}"
                    + "|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}"
                    + "|npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{30,}|SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}|sk-(?:proj-|ant-[a-z]+\\d{2}-)?[A-Za-z0-9_-]{20,}"
                    + "|eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])"), 1,
                    "k_live_", "k_test_", "whsec_", "xox", "xapp-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-",
                    "akia", "asia", "aiza", "npm_", "hf_", "sg.", "sk-", "eyj"));

    private Redactor() {
    }

    private static int firstMatchedGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.start(g) >= 0) {
                return g;
            }
        }
        return 0;
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
                int g = rule.group >= 0 ? rule.group : firstMatchedGroup(m);
                int start = m.start(g);
                int end = m.end(g);
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
