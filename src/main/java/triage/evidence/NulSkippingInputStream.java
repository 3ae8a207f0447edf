package triage.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Drops NUL bytes from 8-bit text, counting them: a log that logrotate's {@code copytruncate}
 * truncated while the application kept writing at its old offset starts (or continues) with a block
 * of NULs, and the text after it is still evidence.
 */
final class NulSkippingInputStream extends FilterInputStream {

    private long skipped;
    private long passed;

    NulSkippingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes other than NUL passed on so far. */
    long passed() {
        return passed;
    }

    /** NUL bytes dropped so far. */
    long skipped() {
        return skipped;
    }

    @Override
    public int read() throws IOException {
        int b;
        do {
            b = super.read();
            if (b == 0) {
                skipped++;
            }
        } while (b == 0);
        if (b > 0) {
            passed++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n = super.read(b, off, len);
            if (n <= 0) {
                return n;
            }
            int kept = off;
            for (int i = off; i < off + n; i++) {
                if (b[i] != 0) {
                    b[kept++] = b[i];
                }
            }
            skipped += off + n - kept;
            passed += kept - off;
            if (kept > off) {
                return kept - off;
            }
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
