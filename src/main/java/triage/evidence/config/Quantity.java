package triage.evidence.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as configs and logs write it, normalised: durations to seconds ({@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}, {@code 250us}), counts to units ({@code 10k}, {@code 1.5M}, {@code 2G}).
 */
public final class Quantity {
    private static final Pattern NUMBER_UNIT = Pattern.compile("^\\s*[\"']?(-?\\d+(?:[.,_]\\d+)*)\\s*([a-zA-Zµ]*)[\"']?\\s*$");

    private Quantity() {
    }

    /** The value of a written quantity ("5s", "5000", "1.5M"), NaN when it is not one. */
    public static double parse(String text) {
        if (text == null) {
            return Double.NaN;
        }
        Matcher m = NUMBER_UNIT.matcher(text);
        if (!m.matches()) {
            return Double.NaN;
        }
        return normalise(Double.parseDouble(m.group(1).replace(",", "").replace("_", "")), m.group(2));
    }

    /**
     * A value in its unit normalised: time units to seconds, k/M/G to units; no unit (or an unknown one such
     * as "%" or "MB", which the symptom's own unit already says) leaves the value as it is.
     */
    public static double normalise(double value, String unit) {
        if (unit == null) {
            return value;
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "ns" -> value / 1e9;
            case "us", "µs" -> value / 1e6;
            case "ms", "msec", "millis", "milliseconds" -> value / 1e3;
            case "s", "sec", "secs", "second", "seconds" -> value;
            case "m", "min", "mins", "minute", "minutes" -> unit.equals("M") ? value * 1e6 : value * 60;
            case "h", "hr", "hour", "hours" -> value * 3600;
            case "k" -> value * 1e3;
            case "g" -> value * 1e9;
            default -> value;
        };
    }

    /** The unit a key names for its bare numbers: {@code timeout_ms: 500} and {@code requestTimeoutMs} are milliseconds. */
    public static String unitOfKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("_ms") || k.endsWith("-ms") || key.endsWith("Ms") || k.endsWith("millis") || k.endsWith("milliseconds")) {
            return "ms";
        }
        if (k.endsWith("_us") || key.endsWith("Us") || k.endsWith("micros")) {
            return "us";
        }
        return "s";
    }
}
