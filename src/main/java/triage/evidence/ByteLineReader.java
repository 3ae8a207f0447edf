package triage.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits UTF-8 text into lines in place, in one large buffer: a line is a range of {@link #buffer()}
 * that can be looked at without making a String of it, so that the lines nothing will come of cost no
 * allocation. Lines end where {@link BoundedLineReader}'s do (LF, CR LF, lone CR), and {@link #text()}
 * decodes and cuts a line exactly as reading it through a decoding Reader would.
 */
final class ByteLineReader {

    /**
     * Bytes of one line kept: enough for {@link BoundedLineReader#MAX_LINE} characters and more however
     * they are encoded (at most 3 bytes per character of UTF-8, malformed bytes included).
     */
    static final int MAX_BYTES = 3 * BoundedLineReader.MAX_LINE + 8;

    private final InputStream in;
    private byte[] buf = new byte[256 * 1024];
    private int pos;
    private int len;
    private boolean eof;
    private boolean afterCr;
    private int start;
    private int end;
    /** Bytes of the current line dropped beyond {@link #MAX_BYTES}. */
    private boolean cut;

    ByteLineReader(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        cut = false;
        if (afterCr) {
            if (pos >= len) {
                fill();
            }
            if (pos < len && buf[pos] == '\n') {
                pos++;
            }
            afterCr = false;
        }
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < len; i++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    start = pos;
                    end = i;
                    pos = i + 1;
                    afterCr = b == '\r';
                    return true;
                }
            }
            scanned = len;
            if (len - pos >= MAX_BYTES) {
                return overLong();
            }
            int before = len - pos;
            fill();
            scanned = pos + before;
            if (eof && scanned >= len) {
                if (len > pos) {
                    start = pos;
                    end = len;
                    pos = len;
                    return true;
                }
                return false;
            }
        }
    }

    /** A line longer than {@link #MAX_BYTES}: its start is kept, the rest skipped up to its end. */
    private boolean overLong() throws IOException {
        start = pos;
        end = pos + MAX_BYTES;
        cut = true;
        // the kept start stays where it is; the rest is read past behind it
        int keep = end;
        while (true) {
            for (int i = keep; i < len; i++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    pos = i + 1;
                    afterCr = b == '\r';
                    return true;
                }
            }
            len = keep;
            if (eof) {
                pos = len;
                return true;
            }
            int n = in.read(buf, keep, buf.length - keep);
            if (n < 0) {
                eof = true;
                pos = keep;
                return true;
            }
            len = keep + n;
        }
    }

    /** Moves what is left of the buffer to its start and reads more behind it. */
    private void fill() throws IOException {
        if (eof) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        if (len == buf.length) {
            return;
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
            eof = true;
        } else {
            len += n;
        }
    }

    byte[] buffer() {
        return buf;
    }

    /** The current line's first byte in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** Just past the current line's last byte (its terminator excluded). */
    int end() {
        return end;
    }

    /** The current line, decoded (undecodable bytes replaced) and cut to {@link BoundedLineReader#MAX_LINE} characters. */
    String text() {
        String s = decoded();
        return s.length() > BoundedLineReader.MAX_LINE ? s.substring(0, BoundedLineReader.MAX_LINE) : s;
    }

    /** Whether the current line was longer than {@link BoundedLineReader#MAX_LINE} characters. */
    boolean wasTruncated() {
        // a line of at most MAX_LINE bytes has at most MAX_LINE characters
        return cut || end - start > BoundedLineReader.MAX_LINE && decoded().length() > BoundedLineReader.MAX_LINE;
    }

    private String decoded() {
        int n = end - start;
        for (int i = start; i < end; i++) {
            if (buf[i] < 0) {
                return decodedAsInStream();
            }
        }
        return new String(buf, start, n, StandardCharsets.ISO_8859_1); // ASCII: one byte, one character
    }

    /**
     * Decoded as a decoding Reader over the whole stream decodes it: with the line's terminator, when it has
     * one, so that undecodable bytes just before it are replaced by as many characters as there.
     */
    private String decodedAsInStream() {
        boolean withTerminator = !cut && end < len;
        java.nio.charset.CharsetDecoder d = decoder();
        d.reset();
        try {
            java.nio.CharBuffer chars = d.decode(java.nio.ByteBuffer.wrap(buf, start, end - start + (withTerminator ? 1 : 0)));
            return withTerminator ? chars.subSequence(0, chars.length() - 1).toString() : chars.toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen: errors are replaced
        }
    }

    private java.nio.charset.CharsetDecoder decoder;

    private java.nio.charset.CharsetDecoder decoder() {
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        }
        return decoder;
    }
}
