package triage.evidence;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without ever holding more than {@link #MAX_LINE} characters of one: a 50 MB line
 * costs no more memory than a short one. The rest of an over-long line is skipped and flagged.
 * Lines end at LF, CR LF or a lone CR (old Mac tools and some device consoles write CR only).
 */
final class BoundedLineReader {
    static final int MAX_LINE = 64 * 1024;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int pos;
    private int len;
    private boolean truncated;
    /** The last line ended at a CR: an LF right after it belongs to that line end. */
    private boolean afterCr;
    private final StringBuilder line = new StringBuilder(256);

    BoundedLineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end. */
    String readLine() throws IOException {
        line.setLength(0);
        truncated = false;
        boolean any = false;
        while (true) {
            if (pos >= len) {
                len = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? finish() : null;
                }
            }
            if (afterCr) {
                afterCr = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < len) {
                char c = buffer[pos];
                if (c == '\n' || c == '\r') {
                    append(start, pos);
                    pos++;
                    afterCr = c == '\r';
                    return finish();
                }
                pos++;
            }
            append(start, pos);
        }
    }

    private void append(int from, int to) {
        int room = MAX_LINE - line.length();
        int n = to - from;
        if (n > room) {
            truncated = true;
            n = Math.max(room, 0);
        }
        line.append(buffer, from, n);
    }

    private String finish() {
        return line.toString();
    }

    /** Whether the last line read was longer than {@link #MAX_LINE} and cut. */
    boolean wasTruncated() {
        return truncated;
    }
}
