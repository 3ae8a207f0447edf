package triage.evidence;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence files named by the command line's paths: folders walked recursively (a folder that
 * cannot be entered is a warning, the walk goes on), symbolic links to files followed, anything that
 * is not a regular file inside a folder (a FIFO, a socket, a device) skipped, and a file whose content
 * was already listed (the same file named twice, a copy, a link to it) listed once: the same evidence
 * must not count twice. A path that names nothing usable is a warning and an unusable input.
 */
final class EvidenceFiles {

    /** What to read, in order; what could not be listed; how many paths named nothing usable. */
    record Listing(List<Path> files, List<String> warnings, int unusable) {
    }

    private EvidenceFiles() {
    }

    static Listing list(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int unusable = 0;
        for (Path path : paths) {
            if (isStdin(path)) {
                files.add(path);
                continue;
            }
            String problem = missing(path);
            if (problem != null) {
                warnings.add(path + ": " + problem + "; skipped");
                unusable++;
            } else if (Files.isDirectory(path)) {
                files.addAll(walk(path, warnings));
            } else {
                files.add(path); // a named FIFO or device too: the reader bounds its wait
            }
        }
        return new Listing(withoutDuplicates(files, warnings), warnings, unusable);
    }

    /** How long a named pipe given as a path may wait for its writer. */
    static final long PIPE_WAIT_MS = 5_000;

    /**
     * Opens a file for reading. A regular file through NIO; anything else (a pipe from {@code <(cmd)},
     * {@code /dev/stdin}, a named FIFO) through {@link FileInputStream}, which never seeks (NIO's
     * stream asks a pipe for its position: "Illegal seek"), and a FIFO with no writer waits at most
     * {@code waitMs}.
     */
    static InputStream open(Path file, long waitMs) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        java.util.concurrent.CompletableFuture<FileInputStream> opening = new java.util.concurrent.CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(new FileInputStream(file.toFile())); // blocks until a FIFO has a writer
            } catch (IOException | RuntimeException e) {
                opening.completeExceptionally(e);
            }
        }, "triage-open-" + file.getFileName());
        opener.setDaemon(true);
        opener.start();
        try {
            return opening.get(waitMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // be the writer the opener waits for, so that it returns (to an empty pipe) and ends
            try (FileOutputStream release = new FileOutputStream(file.toFile())) {
                opening.thenAccept(EvidenceFiles::closeQuietly);
            } catch (IOException ignored) {
                // the opener stays blocked on a daemon thread: it cannot keep the run from ending
            }
            throw new IOException("no writer opened this pipe within " + waitMs / 1000.0 + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a writer");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    /** {@code -} is standard input, as for most Unix tools. */
    static boolean isStdin(Path path) {
        return path.toString().equals("-");
    }

    /** Why a path names nothing, or null when it names something. */
    private static String missing(Path path) {
        if (Files.exists(path)) {
            return null;
        }
        if (!Files.isSymbolicLink(path)) {
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? "cannot be reached (permission denied)" : "no such file or folder";
        }
        try {
            path.toRealPath();
            return "cannot be reached";
        } catch (FileSystemLoopException e) {
            return "symbolic link loop";
        } catch (NoSuchFileException e) {
            return "broken symbolic link";
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("levels of symbolic links")) {
                return "symbolic link loop"; // ELOOP, as Linux words it
            }
            return "symbolic link that cannot be followed (" + e.getMessage() + ")";
        }
    }

    private static List<Path> walk(Path folder, List<String> warnings) {
        Walker walker = new Walker(warnings);
        try {
            Files.walkFileTree(folder, walker);
        } catch (IOException e) {
            warnings.add(folder + ": cannot list folder: " + e.getMessage());
        }
        return walker.files.stream().sorted().toList();
    }

    /** Collects regular files; a failure on one entry is a warning and the walk goes on. */
    static final class Walker extends SimpleFileVisitor<Path> {
        final List<Path> files = new ArrayList<>();
        private final List<String> warnings;

        Walker(List<String> warnings) {
            this.warnings = warnings;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
                files.add(file);
            } else if (attrs.isSymbolicLink()) {
                // links to files are read (the copy check keeps them from counting twice); links to
                // folders are not followed, so a link cannot make the walk loop
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            } else if (attrs.isOther()) {
                warnings.add(file + ": not a regular file (a FIFO, socket or device); skipped");
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
            warnings.add(file + ": cannot read (" + why + "); skipped");
            return FileVisitResult.CONTINUE;
        }
    }

    /**
     * Drops files whose content is the same as an earlier one's. Only files of a size seen before are
     * hashed, so distinct evidence costs no extra read.
     */
    private static List<Path> withoutDuplicates(List<Path> files, List<String> warnings) {
        List<Path> out = new ArrayList<>(files.size());
        Map<Long, List<Path>> bySize = new HashMap<>();
        Map<Path, String> hashes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            long size = sizeOrMinus1(file);
            if (size <= 0) {
                out.add(file); // stdin, FIFOs, empty or unreadable files: nothing to compare
                continue;
            }
            List<Path> sameSize = bySize.computeIfAbsent(size, k -> new ArrayList<>());
            Path original = null;
            if (!sameSize.isEmpty()) {
                for (Path earlier : sameSize) {
                    String h = hashes.computeIfAbsent(earlier, EvidenceFiles::hashOrNull);
                    if (h != null) {
                        seen.add(h);
                    }
                }
                String h = hashOrNull(file);
                if (h != null) {
                    hashes.put(file, h);
                    if (seen.contains(h)) {
                        original = sameSize.stream().filter(p -> h.equals(hashes.get(p))).findFirst().orElse(null);
                    }
                }
            }
            if (original != null) {
                warnings.add(file + ": same content as " + original + "; read once");
            } else {
                sameSize.add(file);
                out.add(file);
            }
        }
        return out;
    }

    private static long sizeOrMinus1(Path file) {
        try {
            return isStdin(file) || !Files.isRegularFile(file) ? -1 : Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String hashOrNull(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            return null; // the reader reports what it cannot read
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
