package triage.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import triage.api.Triage;
import triage.server.ServerConfig;
import triage.server.ServiceLogging;
import triage.server.TriageServer;
import triage.incidents.IncidentService;
import triage.incidents.IncidentStore;
import triage.incidents.NotificationConfig;
import java.util.Optional;
import triage.knowledge.KnowledgeBaseException;
import triage.knowledge.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code triage serve}: the alert handler service. Loads the knowledge base and rules once, listens
 * (loopback by default), and stops gracefully on SIGTERM or Ctrl-C: requests in flight finish first.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the alert handler service: POST /v1/alertmanager (Alertmanager webhook, version 4), "
                + "POST /v1/diagnose (evidence files), GET /healthz, GET /metrics (Prometheus).",
                "Stops gracefully on SIGTERM: requests in flight finish."})
public final class ServeCommand implements Callable<Integer> {

    private static final int EXIT_USAGE = 2;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "file holding the bearer token every request but /healthz must carry")
    Path tokenFile;

    @Option(names = "--insecure", description = "allow a non-loopback --bind without --token-file (anyone who can reach it may post)")
    boolean insecure;

    @Option(names = "--log-format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String logFormat;

    @Mixin
    ProjectRootOption projectRoot;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "4194304",
            description = "largest request body accepted, larger is 413 (default: ${DEFAULT-VALUE})")
    long maxBody;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "close connections idle, or request bodies stalled, this long (default: ${DEFAULT-VALUE})")
    long idleTimeoutSeconds;

    @Option(names = "--threads", defaultValue = "64", description = "request threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--db", paramLabel = "FILE|URL",
            description = "incident store: an SQLite file (default: $XDG_DATA_HOME/triage/incidents.db, or "
                    + "~/.local/share/triage/incidents.db), a jdbc:postgresql: URL shared by replicas, or none")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "file holding the PostgreSQL password (or TRIAGE_DB_PASSWORD); never in the URL")
    Path dbPasswordFile;

    @Option(names = "--config", paramLabel = "FILE", description = "notification routes and retention (YAML; see docs/service.md)")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            System.err.println("triage: --log-format must be text or json");
            return EXIT_USAGE;
        }
        if (tokenFile == null && !insecure && !isLoopback(bind)) {
            System.err.println("triage: --bind " + bind + " is reachable from other hosts: give --token-file FILE, or --insecure to serve without one");
            return EXIT_USAGE;
        }
        if (tokenFile != null) {
            tokenFileWarning(tokenFile).ifPresent(w -> System.err.println("triage: warning: " + w));
        }
        ServiceLogging.configure(logFormat);
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        ServerConfig config;
        try {
            config = new ServerConfig(bind, port, java.util.Optional.empty(), maxBody, idleTimeoutSeconds * 1000,
                    threads, ServerConfig.DEFAULT_STOP_TIMEOUT_MS);
            if (tokenFile != null) {
                config = config.withToken(readToken(tokenFile));
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("triage: " + e.getMessage());
            return EXIT_USAGE;
        }
        Optional<IncidentService> incidents;
        try {
            incidents = openIncidents();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("triage: " + e.getMessage());
            return EXIT_USAGE;
        }
        Triage triage;
        try {
            triage = Triage.load(projectRoot.resolve());
        } catch (KnowledgeBaseException e) {
            for (Problem p : e.problems()) {
                System.err.println("triage: " + p);
            }
            return EXIT_USAGE;
        }
        TriageServer server;
        try {
            server = TriageServer.start(triage, config, incidents);
        } catch (Exception e) {
            triage.close();
            closeQuietly(incidents);
            System.err.println("triage: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable stop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            log.atInfo().setMessage("stopping").addKeyValue("in_flight", server.requestsInFlight()).log();
            try {
                server.stop();
            } catch (Exception e) {
                log.atWarn().setMessage("stopping failed").addKeyValue("error", e.toString()).log();
            } finally {
                triage.close();
                closeQuietly(incidents);
                log.info("stopped");
                stopped.countDown();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "triage-shutdown"));
        // SIGTERM is the ordinary way to stop a service: handled here, the stop is graceful and the exit status 0
        // (left to the JVM, a shutdown hook would stop it as gracefully, but the status would be 143)
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sig -> new Thread(stop, "triage-sigterm").start());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.atDebug().setMessage("SIGTERM left to the JVM").addKeyValue("why", e.toString()).log();
        }
        log.atInfo().setMessage("listening")
                .addKeyValue("url", server.url())
                .addKeyValue("auth", config.token().isPresent() ? "bearer" : "none")
                .addKeyValue("causes", triage.knowledgeBase().causes().size())
                .addKeyValue("store", incidents.map(i -> i.store().description()).orElse("none"))
                .log();
        server.join();
        stopped.await();
        return 0;
    }

    private Optional<IncidentService> openIncidents() throws IOException {
        NotificationConfig notifications = configFile == null ? NotificationConfig.none() : NotificationConfig.load(configFile);
        String where = db == null ? defaultStore().toString() : db;
        if (where.equals("none")) {
            if (!notifications.routes().isEmpty()) {
                throw new IllegalArgumentException("notifications need the incident store: drop --db none");
            }
            return Optional.empty();
        }
        String password = System.getenv("TRIAGE_DB_PASSWORD");
        if (dbPasswordFile != null) {
            password = readToken(dbPasswordFile);
        }
        return Optional.of(new IncidentService(IncidentStore.open(where, password), notifications));
    }

    /** Under the user's data folder (XDG), as an embedded store needs no set-up. */
    static Path defaultStore() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("triage").resolve("incidents.db");
    }

    private static void closeQuietly(Optional<IncidentService> incidents) {
        try {
            if (incidents.isPresent()) {
                incidents.get().close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isLoopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A token others can read is not a secret: say so (the service still starts). */
    static java.util.Optional<String> tokenFileWarning(Path file) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
                return java.util.Optional.of(file + ": the token file is readable by other users (" 
                        + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); chmod 600 it");
            }
        } catch (UnsupportedOperationException | IOException e) {
            return java.util.Optional.empty(); // not a POSIX file system, or unreadable: readToken says so
        }
        return java.util.Optional.empty();
    }

    public static String readToken(Path file) throws IOException {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the token file: " + e.getClass().getSimpleName());
        }
        if (token.isEmpty() || token.contains("\n")) {
            throw new IOException(file + ": the token file must hold one non-empty line");
        }
        return token;
    }
}
