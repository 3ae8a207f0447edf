package triage.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiled rule bases (executable-model kjars) on disk, named by a SHA-256 of everything the
 * compilation depends on: the text of every file in {@code rules/}, the bytecode of the classes the
 * rules import, and the Drools and Java versions. An edited rule changes the key, so a stale entry
 * is never used; the key reads contents, never modification times.
 *
 * <p>The directory is {@code -Dtriage.cache=DIR}, else {@code TRIAGE_CACHE}, else
 * {@code $XDG_CACHE_HOME/triage}, else {@code ~/.cache/triage}; {@code off} turns caching off.
 * Every failure to read or write is silent: the caller compiles instead.
 */
public final class RuleCache {

    /** Bump when the layout of a cached kjar or the way it is loaded changes. */
    private static final String FORMAT = "triage-rule-cache v1";
    private static final String PREFIX = "rules-";
    private static final String SUFFIX = ".kjar";
    private static final int KEEP = 8;
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.$]+)\\s*;?");

    private final Path dir;

    private RuleCache(Path dir) {
        this.dir = dir;
    }

    public static RuleCache at(Path dir) {
        return new RuleCache(dir);
    }

    public static RuleCache disabled() {
        return new RuleCache(null);
    }

    /** The cache the command line uses, from the system property, the environment or the home folder. */
    public static RuleCache fromEnvironment() {
        String configured = System.getProperty("triage.cache");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("TRIAGE_CACHE");
        }
        if (configured != null && !configured.isBlank()) {
            return configured.equalsIgnoreCase("off") || configured.equalsIgnoreCase("none")
                    ? disabled() : at(Path.of(configured));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return at(Path.of(xdg, "triage"));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? disabled() : at(Path.of(home, ".cache", "triage"));
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }

    /** The file an entry lives in (it may not exist). */
    public Optional<Path> fileOf(String key) {
        return directory().map(d -> d.resolve(PREFIX + key + SUFFIX));
    }

    /** Whether entries can be stored: the directory exists or can be made, and is writable. */
    public boolean writable() {
        if (dir == null) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            return Files.isDirectory(dir) && Files.isWritable(dir);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public Optional<byte[]> read(String key) {
        Optional<Path> file = fileOf(key);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file.get()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores an entry atomically (a reader sees the old file, no file or the whole new one); false if it could not. */
    public boolean write(String key, byte[] kjar) {
        if (dir == null) {
            return false;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, PREFIX, ".tmp");
            Files.write(tmp, kjar);
            Path target = fileOf(key).orElseThrow();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            prune(key);
            return true;
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do: the entry was not written
                }
            }
            return false;
        }
    }

    /** Removes an entry that could not be loaded, so that the next run does not trip over it again. */
    public void discard(String key) {
        fileOf(key).ifPresent(f -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException | RuntimeException ignored) {
                // an unwritable cache is only slower
            }
        });
    }

    /** Keeps the newest few entries: every edit of rules/ adds one. */
    private void prune(String keep) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = new ArrayList<>(files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX) && !n.equals(PREFIX + keep + SUFFIX);
            }).toList());
        }
        if (entries.size() < KEEP) {
            return;
        }
        entries.sort((a, b) -> Long.compare(modified(b), modified(a)));
        for (Path old : entries.subList(KEEP - 1, entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The key of a rule set: SHA-256 over the cache format, the Drools and Java versions, the bytecode
     * of every class the rules import (a changed fact class must not meet rules compiled against the
     * old one) and each file's path and text.
     */
    public static String keyOf(Map<String, String> drlByPath) {
        MessageDigest sha = sha256();
        update(sha, FORMAT);
        update(sha, "java " + Runtime.version().feature());
        update(sha, resource("META-INF/maven/org.drools/drools-core/pom.properties"));
        TreeSet<String> imports = new TreeSet<>();
        for (String text : drlByPath.values()) {
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String name = m.group(2);
                imports.add(m.group(1) != null && name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
            }
        }
        for (String type : imports) {
            update(sha, type);
            update(sha, resource(type.replace('.', '/') + ".class"));
        }
        new java.util.TreeMap<>(drlByPath).forEach((path, text) -> {
            update(sha, path);
            update(sha, text);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] resource(String name) {
        try (InputStream in = RuleCache.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void update(MessageDigest sha, String s) {
        update(sha, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest sha, byte[] bytes) {
        // length-prefixed, so that ("ab", "c") and ("a", "bc") differ
        long n = bytes.length;
        for (int i = 0; i < 8; i++) {
            sha.update((byte) (n >>> (8 * i)));
        }
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
