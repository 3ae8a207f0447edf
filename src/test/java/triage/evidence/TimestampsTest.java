package triage.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time a line starts with, read from its bytes ({@link Timestamps#parseIsoStart}), is the time the decoded
 * line gives ({@link Timestamps#parse}); a line that is not that simple is left to be decoded.
 */
class TimestampsTest {

    private static long bytesOf(String line) {
        byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.US_ASCII);
        return Timestamps.parseIsoStart(b, 2, 2 + line.length()); // the line sits inside a larger buffer
    }

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void theLayoutsOfThePlatformsAreReadFromTheirBytes() {
        assertThat(bytesOf("2026-08-19T11:06:39.788Z WARN md: gap")).isEqualTo(millis("2026-08-19T11:06:39.788Z"));
        assertThat(bytesOf("[2026-04-02 11:12:10.001] [md] [info] ok")).isEqualTo(millis("2026-04-02T11:12:10.001Z"));
        assertThat(bytesOf("2026-04-02 11:10:00,123 - backend - INFO - ok")).isEqualTo(millis("2026-04-02T11:10:00.123Z"));
        assertThat(bytesOf("2026-04-02 11:10:00 +02:00 ok")).isEqualTo(millis("2026-04-02T09:10:00Z"));
        assertThat(bytesOf("2026-04-02T11:10:00-0530 ok")).isEqualTo(millis("2026-04-02T16:40:00Z"));
        assertThat(bytesOf("2026-04-02T11:10:00.5 ok")).isEqualTo(millis("2026-04-02T11:10:00.500Z"));
        assertThat(bytesOf("2026-04-02T11:10:00.123456789 ok")).isEqualTo(millis("2026-04-02T11:10:00.123Z"));
        assertThat(bytesOf("2024-02-29 23:59:59 leap")).isEqualTo(millis("2024-02-29T23:59:59Z"));
        assertThat(bytesOf("2026-12-31T23:59:59Z")).isEqualTo(millis("2026-12-31T23:59:59Z"));
    }

    @Test
    void whatIsNotASimpleIsoStartIsLeftToBeDecoded() {
        for (String line : List.of("Nov 12 12:50:01 host app: ok", "2026-04-02x11:10:00 ok", "2026-04-02T11:10 ok",
                "2026-02-30 11:10:00 ok", "2026-13-01 11:10:00 ok", "2026-00-10 11:10:00 ok", "2026-04-00 11:10:00 ok",
                "2026-04-02 24:10:00 ok", "2026-04-02 11:60:00 ok", "2026-04-02 11:10:60 ok", "2026/04/02 11:10:00 ok",
                "202-04-02 11:10:00 ok", "2026-4-02 11:10:00 ok", "2026-04-2 11:10:00 ok", "2026-04-02 1:10:00 ok",
                "2026-04-02 11:1:00 ok", "2026-04-02 11:10:0 ok", "2026-04-02 11-10-00 ok", "2026-04-02 11:10")) {
            assertThat(bytesOf(line)).as(line).isEqualTo(Timestamps.NOT_SIMPLE);
        }
    }

    @Test
    void aLineStartsWithItsTimeInAnIsoOrSyslogLayoutOnly() {
        for (String timed : List.of("2026-08-19T11:06:39Z x", "[2026-04-02 11:12:10.001] x", "Nov 12 12:50:01 host x",
                "dec 31 23:59:59 host x", "2026-04-02 11:10:00")) {
            byte[] b = (" " + timed).getBytes(StandardCharsets.US_ASCII);
            assertThat(Timestamps.mayStartWithTime(timed)).as(timed).isTrue();
            assertThat(Timestamps.mayStartWithTime(b, 1, b.length)).as(timed).isTrue();
        }
        for (String untimed : List.of("2026-08-19", "x 2026-08-19T11:06:39Z", "20260-8-19 11:06:39 x", "[Nov 12 12:50:01 host x",
                "Now 12 12:50:01 host x", "Nov-12 12:50:01 host x", "12026-08-19 11:06:39", "2026:08:19 11:06:39 x",
                "202a-08-19 11:06:39 x", "2a26-08-19 11:06:39 x", "20a6-08-19 11:06:39 x")) {
            byte[] b = (" " + untimed).getBytes(StandardCharsets.US_ASCII);
            assertThat(Timestamps.mayStartWithTime(untimed)).as(untimed).isFalse();
            assertThat(Timestamps.mayStartWithTime(b, 1, b.length)).as(untimed).isFalse();
        }
    }

    @Test
    void onRandomLinesTheBytesGiveWhatTheDecodedLineGives() {
        Random random = new Random(483);
        String[] tails = {"", "Z", "UTC", " Z", " +01:00", "-05:30", "+0100", " +01:0", "+1", " x", "\t+02:00", ",7", ".", ".x"};
        int simple = 0;
        for (int i = 0; i < 20_000; i++) {
            String date = String.format("%04d-%02d-%02d%c%02d:%02d:%02d", 1971 + random.nextInt(80), random.nextInt(14),
                    random.nextInt(33), random.nextBoolean() ? 'T' : ' ', random.nextInt(26), random.nextInt(62), random.nextInt(62));
            String fraction = random.nextInt(3) == 0 ? "" : (random.nextBoolean() ? "." : ",")
                    + String.valueOf(random.nextLong() & Long.MAX_VALUE).substring(0, 1 + random.nextInt(12));
            String line = (random.nextInt(4) == 0 ? "[" : "") + date + fraction + tails[random.nextInt(tails.length)] + " msg";
            long bytes = bytesOf(line);
            if (bytes != Timestamps.NOT_SIMPLE) {
                simple++;
                assertThat(bytes).as(line).isEqualTo(Timestamps.parse(line, 2026));
            } else {
                assertThat(Timestamps.parse(line, 2026)).as(line).isZero(); // only impossible dates are left out
            }
        }
        assertThat(simple).as("lines read from their bytes").isGreaterThan(5_000);
    }
}
