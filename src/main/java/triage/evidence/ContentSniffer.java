package triage.evidence;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tells what a stream holds from its first block: an archive, a compressed file, text in some
 * encoding (a byte order mark, or UTF-16/UTF-32 recognised by where its zero bytes fall), or binary.
 * Runs of NUL bytes inside otherwise textual bytes are text with holes (a log truncated while being
 * written, as logrotate's {@code copytruncate} leaves it), not binary.
 */
final class ContentSniffer {

    enum Kind {
        EMPTY, GZIP, ZIP, EMPTY_ZIP, TAR, TEXT, BINARY;

        boolean isArchive() {
            return this == GZIP || this == ZIP || this == TAR;
        }
    }

    /**
     * What the head holds.
     *
     * @param bomLength bytes of byte order mark to skip before the text
     * @param nulRuns   whether the (8-bit) text holds runs of NUL bytes to skip
     */
    record Sniffed(Kind kind, Charset charset, int bomLength, boolean nulRuns) {
    }

    static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private ContentSniffer() {
    }

    static Sniffed sniff(byte[] h) {
        if (h.length == 0) {
            return of(Kind.EMPTY);
        }
        if (isGzip(h)) {
            return of(Kind.GZIP);
        }
        if (isZip(h)) {
            return of(Kind.ZIP);
        }
        if (isEmptyZip(h)) {
            return of(Kind.EMPTY_ZIP);
        }
        if (isTar(h)) {
            return of(Kind.TAR);
        }
        // images and executables (core dumps are ELF) by their magic numbers, whatever their NULs look like
        if (startsWith(h, 0x89, 'P', 'N', 'G') || startsWith(h, 0xff, 0xd8, 0xff) || startsWith(h, 'G', 'I', 'F', '8')
                || startsWith(h, 0x7f, 'E', 'L', 'F')) {
            return of(Kind.BINARY);
        }
        // byte order marks; UTF-32LE's starts with UTF-16LE's, so it is tried first
        if (startsWith(h, 0xff, 0xfe, 0, 0)) {
            return text(UTF_32LE, 4);
        }
        if (startsWith(h, 0, 0, 0xfe, 0xff)) {
            return text(UTF_32BE, 4);
        }
        if (startsWith(h, 0xef, 0xbb, 0xbf)) {
            return utf8(h, 3);
        }
        if (startsWith(h, 0xff, 0xfe)) {
            return text(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(h, 0xfe, 0xff)) {
            return text(StandardCharsets.UTF_16BE, 2);
        }
        Charset wide = wideEncoding(h);
        if (wide != null) {
            return text(wide, 0);
        }
        return utf8(h, 0);
    }

    private static Sniffed of(Kind kind) {
        return new Sniffed(kind, null, 0, false);
    }

    private static Sniffed text(Charset charset, int bom) {
        return new Sniffed(Kind.TEXT, charset, bom, false);
    }

    private static Sniffed utf8(byte[] h, int from) {
        int n = Math.min(h.length, 8192);
        int control = 0;
        int nul = 0;
        int nonNul = 0;
        for (int i = from; i < n; i++) {
            int b = h[i] & 0xff;
            if (b == 0) {
                nul++;
                continue;
            }
            nonNul++;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        if (nonNul == 0) {
            // only NULs so far: a log whose start was zeroed; what follows decides, read it as text with holes
            return new Sniffed(Kind.TEXT, StandardCharsets.UTF_8, from, true);
        }
        if (control > nonNul / 10 || (nul > 0 && !nulsComeInRuns(h, from, n))) {
            return of(Kind.BINARY);
        }
        return new Sniffed(Kind.TEXT, StandardCharsets.UTF_8, from, nul > 0);
    }

    /** NULs of a truncated log come in blocks; NULs scattered between other bytes are a binary format's. */
    private static boolean nulsComeInRuns(byte[] h, int from, int n) {
        int runs = 0;
        int nuls = 0;
        for (int i = from; i < n; i++) {
            if (h[i] == 0) {
                nuls++;
                if (i == from || h[i - 1] != 0) {
                    runs++;
                }
            }
        }
        return nuls >= 16 * runs;
    }

    /**
     * UTF-16 or UTF-32 without a byte order mark, from text that is mostly ASCII: the zero bytes fall
     * in the high half of every code unit (every second byte for UTF-16, three of four for UTF-32).
     */
    private static Charset wideEncoding(byte[] h) {
        int n = Math.min(h.length, 4096) & ~3;
        if (n < 8) {
            return null;
        }
        int[] zerosAt = new int[4];
        for (int i = 0; i < n; i++) {
            if (h[i] == 0) {
                zerosAt[i & 3]++;
            }
        }
        int quarter = n / 4;
        double most = 0.9 * quarter;
        double few = 0.1 * quarter;
        if (zerosAt[1] >= most && zerosAt[2] >= most && zerosAt[3] >= most && zerosAt[0] <= few) {
            return UTF_32LE;
        }
        if (zerosAt[0] >= most && zerosAt[1] >= most && zerosAt[2] >= most && zerosAt[3] <= few) {
            return UTF_32BE;
        }
        if (zerosAt[1] >= most && zerosAt[3] >= most && zerosAt[0] <= few && zerosAt[2] <= few) {
            return StandardCharsets.UTF_16LE;
        }
        if (zerosAt[0] >= most && zerosAt[2] >= most && zerosAt[1] <= few && zerosAt[3] <= few) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean startsWith(byte[] h, int... bytes) {
        if (h.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((h[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isGzip(byte[] h) {
        return h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b;
    }

    static boolean isZip(byte[] h) {
        return h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
    }

    /** A zip with no entries is only its end-of-central-directory record. */
    static boolean isEmptyZip(byte[] h) {
        return h.length >= 22 && h[0] == 'P' && h[1] == 'K' && h[2] == 5 && h[3] == 6;
    }

    static boolean isTar(byte[] h) {
        return h.length >= 263 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
    }
}
