package triage.evidence.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured value as it shows in evidence: YAML {@code key: value}, TOML/INI {@code key = value}, .env and
 * {@code env} listings {@code KEY=value} (also after {@code export}), {@code grep} of configs
 * ({@code path:key=value}, {@code path:12:  key: value}), {@code git diff} additions ({@code +key: value};
 * removed lines are the old values and are not read), and startup or reload lines that list several
 * {@code key=value} pairs ("loaded config ... timeout=5s max_conn=100").
 *
 * @param key   the key as written, its parents dropped ({@code exchange.order_timeout} is {@code order_timeout})
 * @param value the value as written, quotes and trailing comments removed
 */
public record ConfigAssignment(String key, String value) {

    private static final Pattern GREP_PREFIX = Pattern.compile("^(?:[\\w./~-]+\\.(?:ya?ml|toml|ini|env|conf|cfg|properties|json|service)|\\.env)(?::\\d+)?:");
    private static final Pattern PAIR = Pattern.compile(
            "(?:^|[\\s,{(;])(?:export\\s+)?\"?([A-Za-z_][\\w.-]*)\"?\\s*(?:=|:(?=\\s))\\s*(\"[^\"]*\"|'[^']*'|[^\\s,;}#)]+)");

    /** Every assignment on a line (empty when the line assigns nothing, or is a removed diff line). */
    public static List<ConfigAssignment> in(String line) {
        String text = line;
        if (text.startsWith("-") && !text.startsWith("---")) {
            return List.of(); // git diff: the value before the change
        }
        if (text.startsWith("+") && !text.startsWith("+++")) {
            text = text.substring(1);
        }
        Matcher prefix = GREP_PREFIX.matcher(text);
        if (prefix.find()) {
            text = text.substring(prefix.end());
        }
        List<ConfigAssignment> out = new ArrayList<>();
        Matcher m = PAIR.matcher(text.startsWith(" ") ? text : " " + text);
        while (m.find()) {
            String key = m.group(1);
            key = key.substring(key.lastIndexOf('.') + 1);
            String value = m.group(2);
            if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.add(new ConfigAssignment(key, value));
        }
        return out;
    }
}
