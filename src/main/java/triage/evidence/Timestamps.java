package triage.evidence;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time a log line carries, in the layouts the platforms write: ISO 8601 and its
 * space-separated variants (Python logging, logback, Rust tracing, PostgreSQL), syslog/journalctl
 * short ("Nov 12 12:50:01", no year), and Redis ("15 Sep 2026 14:00:57.057"). Times without a zone
 * are read as UTC.
 */
public final class Timestamps {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?\\s?(Z|[+-]\\d{2}:?\\d{2}|UTC)?");
    private static final Pattern SYSLOG = Pattern.compile(
            "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final int SEARCH_PREFIX = 64;
    /** {@link #parseIsoStart}: the line must be decoded and parsed. */
    static final long NOT_SIMPLE = Long.MIN_VALUE;

    private Timestamps() {
    }

    /**
     * @param defaultYear the year to assume for layouts without one (the last year seen in the file)
     * @return epoch millis, or 0 when the line carries no recognisable time near its start
     */
    public static long parse(String line, int defaultYear) {
        String head = line.length() > SEARCH_PREFIX ? line.substring(0, SEARCH_PREFIX) : line;
        try {
            Matcher m = ISO.matcher(head);
            if (m.find()) {
                long millis = toMillis(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m.group(4), m.group(5), m.group(6), m.group(7));
                return millis - offsetMillis(m.group(8));
            }
            m = SYSLOG.matcher(head);
            if (m.find()) {
                return toMillis(defaultYear, MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)), Integer.parseInt(m.group(2)),
                        m.group(3), m.group(4), m.group(5), m.group(6));
            }
            m = DAY_MONTH_YEAR.matcher(head);
            if (m.find()) {
                return toMillis(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)),
                        Integer.parseInt(m.group(1)), m.group(4), m.group(5), m.group(6), m.group(7));
            }
        } catch (RuntimeException e) {
            return 0; // an impossible date such as 2026-13-45 is no timestamp
        }
        return 0;
    }

    /**
     * Whether a line starts with its time (ISO date, "[" and an ISO date, a syslog month): the records whose
     * order in time is watched. Cheap, so it can run on every line.
     */
    /** {@link #mayStartWithTime(String)} on the bytes {@code [from, to)} of a line, without decoding it. */
    static boolean mayStartWithTime(byte[] b, int from, int to) {
        if (to - from < 15) {
            return false;
        }
        int i = b[from] == '[' ? from + 1 : from;
        byte c = b[i];
        if (c >= '0' && c <= '9') {
            return isDigit(b[i + 1]) && isDigit(b[i + 2]) && isDigit(b[i + 3]) && b[i + 4] == '-';
        }
        return i == from && b[from + 3] == ' '
                && MONTHS.containsKey(new String(b, from, 3, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
    }

    /**
     * The time of a line that starts with an ISO 8601 time ({@code 2026-08-19T11:06:39.788Z}, {@code [2026-04-02
     * 11:12:10.001]}, {@code 2026-04-02 11:10:00,123 +02:00}), read from its bytes: what {@link #parse} gives
     * the decoded line, or {@link #NOT_SIMPLE} when the line is not that simple and must be decoded and parsed.
     */
    static long parseIsoStart(byte[] b, int from, int to) {
        int i = from < to && b[from] == '[' ? from + 1 : from;
        if (to - i < 19 || !digits(b, i, 4) || b[i + 4] != '-' || !digits(b, i + 5, 2) || b[i + 7] != '-'
                || !digits(b, i + 8, 2) || (b[i + 10] != 'T' && b[i + 10] != ' ') || !digits(b, i + 11, 2)
                || b[i + 13] != ':' || !digits(b, i + 14, 2) || b[i + 16] != ':' || !digits(b, i + 17, 2)) {
            return NOT_SIMPLE;
        }
        int year = number(b, i, 4);
        int month = number(b, i + 5, 2);
        int day = number(b, i + 8, 2);
        int hour = number(b, i + 11, 2);
        int minute = number(b, i + 14, 2);
        int second = number(b, i + 17, 2);
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return NOT_SIMPLE; // decoded, the line says what an impossible date gives
        }
        int j = i + 19;
        int millis = 0;
        if (j + 1 < to && (b[j] == '.' || b[j] == ',') && isDigit(b[j + 1])) {
            int k = j + 1;
            int scale = 100;
            while (k < to && k - (j + 1) < 9 && isDigit(b[k])) {
                millis += scale * (b[k] - '0');
                scale /= 10;
                k++;
            }
            j = k;
        }
        if (j < to && LineSieve.isRegexSpace(b[j])) {
            j++; // \s? before the zone
        }
        long offset = 0;
        if (j < to && (b[j] == '+' || b[j] == '-')) {
            int sign = b[j] == '-' ? -1 : 1;
            if (j + 5 <= to && digits(b, j + 1, 2) && b[j + 3] == ':' && j + 6 <= to && digits(b, j + 4, 2)) {
                offset = sign * (number(b, j + 1, 2) * 3600_000L + number(b, j + 4, 2) * 60_000L);
            } else if (j + 5 <= to && digits(b, j + 1, 4)) {
                offset = sign * (number(b, j + 1, 2) * 3600_000L + number(b, j + 3, 2) * 60_000L);
            }
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return (epochDay * 86_400L + hour * 3600L + minute * 60L + second) * 1000L + millis - offset;
    }

    private static boolean digits(byte[] b, int at, int n) {
        for (int k = at; k < at + n; k++) {
            if (!isDigit(b[k])) {
                return false;
            }
        }
        return true;
    }

    private static int number(byte[] b, int at, int n) {
        int v = 0;
        for (int k = at; k < at + n; k++) {
            v = 10 * v + (b[k] - '0');
        }
        return v;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    public static boolean mayStartWithTime(String line) {
        if (line.length() < 15) {
            return false;
        }
        int i = line.charAt(0) == '[' ? 1 : 0;
        char c = line.charAt(i);
        if (c >= '0' && c <= '9') {
            return Character.isDigit(line.charAt(i + 1)) && Character.isDigit(line.charAt(i + 2))
                    && Character.isDigit(line.charAt(i + 3)) && line.charAt(i + 4) == '-';
        }
        return i == 0 && line.charAt(3) == ' ' && MONTHS.containsKey(line.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    /** The year of an epoch-millis time, for carrying a year into syslog-style lines. */
    public static int yearOf(long millis) {
        return LocalDateTime.ofEpochSecond(millis / 1000, 0, ZoneOffset.UTC).getYear();
    }

    private static long toMillis(int year, int month, int day, String h, String min, String s, String fraction) {
        LocalDateTime t = LocalDateTime.of(year, month, day, Integer.parseInt(h), Integer.parseInt(min), Integer.parseInt(s));
        long millis = t.toEpochSecond(ZoneOffset.UTC) * 1000;
        if (fraction != null) {
            String ms = (fraction + "000").substring(0, 3);
            millis += Integer.parseInt(ms);
        }
        return millis;
    }

    private static long offsetMillis(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC")) {
            return 0;
        }
        String digits = zone.replace(":", "");
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = Integer.parseInt(digits.substring(3, 5));
        return sign * (hours * 3600_000L + minutes * 60_000L);
    }
}
