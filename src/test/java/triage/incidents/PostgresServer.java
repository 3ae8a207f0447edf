package triage.incidents;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, one per test JVM: the machine's own PostgreSQL binaries
 * ({@code /usr/lib/postgresql/N/bin}) in a temporary cluster on a free loopback port, started as the
 * {@code postgres} user when the tests run as root (PostgreSQL refuses root). {@link #get()} is empty,
 * with {@link #whyNot()} saying why in one line, where none can start.
 */
public final class PostgresServer {

    private static PostgresServer instance;
    private static String whyNot = "";

    private final Path dir;
    private final int port;
    private final Path bin;
    private final boolean asPostgres;

    private PostgresServer(Path dir, int port, Path bin, boolean asPostgres) {
        this.dir = dir;
        this.port = port;
        this.bin = bin;
        this.asPostgres = asPostgres;
    }

    public static synchronized Optional<PostgresServer> get() {
        if (instance == null && whyNot.isEmpty()) {
            try {
                instance = start();
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            } catch (Exception e) {
                whyNot = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            }
        }
        return Optional.ofNullable(instance);
    }

    public static synchronized String whyNot() {
        return whyNot;
    }

    /** A JDBC URL of a fresh, empty database on the server. */
    public String newDatabase(String name) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(url("postgres"))) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=triage";
    }

    private static PostgresServer start() throws Exception {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IOException("no PostgreSQL binaries under /usr/lib/postgresql"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("triage-pg");
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false, dir);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer pg = new PostgresServer(dir, port, bin, root);
        pg.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "triage",
                "--no-sync"));
        pg.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
        return pg;
    }

    private void pg(List<String> command) throws Exception {
        run(command, asPostgres, dir);
    }

    private static void run(List<String> command, boolean asPostgres, Path dir) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("PostgreSQL could not start: " + String.join(" ", command.subList(0, 1)) + ": "
                    + out.strip().lines().reduce((a, b) -> b).orElse("exit " + p.exitValue()));
        }
    }

    private void stop() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"));
        } catch (Exception ignored) {
            // the JVM is ending; the temporary cluster goes with the folder
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
