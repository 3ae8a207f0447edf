package triage.evidence;

import org.apache.commons.io.input.CountingInputStream;

/**
 * What one reading may expand out of archives, over the whole run: bytes expanded at every level of
 * nesting, archive entries, how deep archives nest, and how much each archive (with everything nested
 * in it) expands over its own compressed bytes. Real bundles compress 5 to 20 times; a decompression
 * bomb (one entry of zeros, a hundred entries of 60 MB, a zip of zips) reaches one of these limits
 * within seconds. One per run, shared by the threads reading its files.
 */
final class ArchiveBudget {

    /** Bytes expanded in all, counted at every level of nesting. */
    static final long MAX_EXPANDED_BYTES = 8L * 1024 * 1024 * 1024;
    static final int MAX_ENTRIES = 100_000;
    /** Archives inside archives: a .tar.gz is two levels, a .tar.gz inside a .zip three. */
    static final int MAX_DEPTH = 4;
    /** Past this much output, an archive expanding more than {@link #MAX_RATIO} times its input is a bomb. */
    static final long RATIO_CHECK_AFTER = 64L * 1024 * 1024;
    static final int MAX_RATIO = 200;

    private final long maxExpanded;
    private final int maxEntries;
    private final long ratioCheckAfter;
    private long expanded;
    private int entries;
    /** Set by the first run-wide limit reached (bytes, entries): later archive content is not read, and not reported again. */
    private String exhausted;

    ArchiveBudget() {
        this(MAX_EXPANDED_BYTES, MAX_ENTRIES, RATIO_CHECK_AFTER);
    }

    ArchiveBudget(long maxExpanded, int maxEntries, long ratioCheckAfter) {
        this.maxExpanded = maxExpanded;
        this.maxEntries = maxEntries;
        this.ratioCheckAfter = ratioCheckAfter;
    }

    /** One level of archive: its compressed input, counted, and what it and its nested archives expanded. */
    static final class Level {
        final Level parent;
        final String name;
        final CountingInputStream compressed;
        final int depth;
        long expanded;
        /** Set when this archive reached a limit of its own (its ratio): it and what is nested in it stop. */
        volatile boolean stopped;

        Level(Level parent, String name, CountingInputStream compressed) {
            this.parent = parent;
            this.name = name;
            this.compressed = compressed;
            this.depth = parent == null ? 1 : parent.depth + 1;
        }

        /** Whether this archive, or one it is nested in, stopped on a limit of its own. */
        boolean stopped() {
            for (Level l = this; l != null; l = l.parent) {
                if (l.stopped) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A new archive level under {@code parent} (null at the top); a level too deep is an error. */
    synchronized Level open(Level parent, String name, CountingInputStream compressed) {
        Level level = new Level(parent, name, compressed);
        if (level.depth > MAX_DEPTH) {
            // this archive only: the archives beside it are still read
            throw new EvidenceException(name + ": archives nested more than " + MAX_DEPTH + " deep; not read");
        }
        return level;
    }

    /** One more entry read out of an archive. */
    synchronized void entry(String name) {
        if (++entries > maxEntries) {
            throw stop(name + ": more than " + maxEntries + " archive entries in all; the rest of the archives skipped");
        }
    }

    /** {@code n} more bytes expanded at {@code level}: charged to it and every archive it is nested in. */
    synchronized void expanded(Level level, String name, int n) {
        expanded += n;
        if (expanded > maxExpanded) {
            throw stop(name + ": archives expanded past " + (maxExpanded >> 20) + " MB in all; the rest of the archives skipped");
        }
        for (Level l = level; l != null; l = l.parent) {
            l.expanded += n;
            long in = Math.max(1, l.compressed.getByteCount());
            if (l.expanded > ratioCheckAfter && l.expanded > MAX_RATIO * in) {
                l.stopped = true; // this archive only: the other files and archives of the run are still read
                for (Level a = l.parent; a != null; a = a.parent) {
                    a.expanded -= l.expanded - n; // what the bomb expanded (this read not yet charged to them) is not held against the archives around it
                }
                throw new EvidenceException(l.name + ": expands " + (l.expanded >> 20) + " MB from " + (in >> 10)
                        + " KB: a decompression bomb, not evidence; rest skipped");
            }
        }
    }

    /** Whether a limit was reached: archive content is then no longer read. */
    synchronized boolean isExhausted() {
        return exhausted != null;
    }

    private synchronized EvidenceException stop(String message) {
        if (exhausted == null) {
            exhausted = message;
        }
        return new EvidenceException(exhausted); // the first limit reached is the one line reported
    }
}
