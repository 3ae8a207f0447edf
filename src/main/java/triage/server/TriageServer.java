package triage.server;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import triage.api.Triage;

/**
 * The alert handler service: a Jetty 12 server (core handler API, HTTP/1.1) in front of one shared
 * {@link Triage}. {@link #stop()} is graceful: the connector stops accepting, requests in flight
 * finish (for up to {@link ServerConfig#stopTimeoutMs()}), then the server stops.
 *
 * <pre>{@code
 * try (Triage triage = Triage.load(root);
 *      TriageServer server = TriageServer.start(triage, ServerConfig.defaults().withPort(0))) {
 *     System.out.println("listening on " + server.url());
 *     server.join();
 * }
 * }</pre>
 */
public final class TriageServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;
    private final Metrics metrics;
    private final ServerConfig config;

    private TriageServer(Server server, ServerConnector connector, GracefulHandler graceful, Metrics metrics, ServerConfig config) {
        this.server = server;
        this.connector = connector;
        this.graceful = graceful;
        this.metrics = metrics;
        this.config = config;
    }

    /** Starts listening; the {@link Triage} stays the caller's to close (after the server). */
    public static TriageServer start(Triage triage, ServerConfig config) throws Exception {
        return start(triage, config, java.util.Optional.empty());
    }

    /** Starts listening, recording every diagnosis in the incident service when one is given (it stays the caller's to close). */
    public static TriageServer start(Triage triage, ServerConfig config,
                                     java.util.Optional<triage.incidents.IncidentService> incidents) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), Math.min(8, config.maxThreads()));
        pool.setName("triage-http");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        http.setIdleTimeout(config.idleTimeoutMs()); // a request whose body stalls this long fails
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeoutMs()); // an idle keep-alive connection is closed
        connector.setAcceptQueueSize(256);
        server.addConnector(connector);
        Metrics metrics = new Metrics();
        // the web console answers under /ui; the service handler everything else
        org.eclipse.jetty.server.Handler.Sequence handlers = new org.eclipse.jetty.server.Handler.Sequence(
                new triage.web.WebConsole(triage, incidents, config.token().map(ServiceHandler::sha256), config.maxBodyBytes()),
                new ServiceHandler(triage, config, metrics, incidents));
        GracefulHandler graceful = new GracefulHandler(handlers);
        // while stopping, a request whose body stalls this long is cut (408); one being diagnosed finishes
        graceful.setShutdownIdleTimeout(Math.min(5_000, config.idleTimeoutMs()));
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(config.stopTimeoutMs());
        server.setStopAtShutdown(false); // the command's own shutdown hook stops it, and logs
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new TriageServer(server, connector, graceful, metrics, config);
    }

    /** The port listened on (the one picked, when the configuration said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port}, for logs and clients. */
    public String url() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + host + ":" + port();
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Requests being handled now. */
    public long requestsInFlight() {
        return Math.max(metrics.inFlight(), graceful.getCurrentRequestCount());
    }

    /** Waits until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops gracefully: no new connections or requests; requests in flight get up to the stop timeout
     * to finish; then connections close. Idempotent.
     */
    public void stop() throws Exception {
        if (!server.isStopped()) {
            server.stop();
        }
    }

    public boolean isStopped() {
        return server.isStopped();
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
