package triage.server;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the alert handler service listens and what it accepts.
 *
 * @param bind          address to listen on; {@code 127.0.0.1} by default (put a proxy in front to expose it)
 * @param port          TCP port; 0 picks a free one (see {@link TriageServer#port()})
 * @param token         the bearer token every request but {@code /healthz} must carry; empty: no authentication
 * @param maxBodyBytes  largest request body accepted; larger is 413
 * @param idleTimeoutMs a connection idle (or a request body stalled) this long is closed
 * @param maxThreads    request threads; a diagnosis is CPU-bound, so a few per core are plenty
 * @param stopTimeoutMs on shutdown, how long requests in flight get to finish
 */
public record ServerConfig(String bind, int port, Optional<byte[]> token, long maxBodyBytes, long idleTimeoutMs,
                           int maxThreads, long stopTimeoutMs) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 30_000;
    public static final int DEFAULT_MAX_THREADS = 64;
    public static final long DEFAULT_STOP_TIMEOUT_MS = 30_000;

    public ServerConfig {
        token = token == null ? Optional.empty() : token;
        if (maxBodyBytes <= 0 || idleTimeoutMs <= 0 || maxThreads < 8 || stopTimeoutMs < 0) {
            throw new IllegalArgumentException("body limit and timeouts must be positive, and 8 threads at least");
        }
    }

    /** Defaults: loopback, port 8080, no token, 4 MiB bodies, 30 s idle timeout, 64 threads, 30 s to stop. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, Optional.empty(), DEFAULT_MAX_BODY_BYTES,
                DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_THREADS, DEFAULT_STOP_TIMEOUT_MS);
    }

    public ServerConfig withBind(String bind) {
        return new ServerConfig(bind, port, token, maxBodyBytes, idleTimeoutMs, maxThreads, stopTimeoutMs);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(bind, port, token, maxBodyBytes, idleTimeoutMs, maxThreads, stopTimeoutMs);
    }

    public ServerConfig withToken(String token) {
        return new ServerConfig(bind, port, Optional.of(token.getBytes(StandardCharsets.UTF_8)), maxBodyBytes,
                idleTimeoutMs, maxThreads, stopTimeoutMs);
    }

    public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
        return new ServerConfig(bind, port, token, maxBodyBytes, idleTimeoutMs, maxThreads, stopTimeoutMs);
    }

    public ServerConfig withIdleTimeoutMs(long idleTimeoutMs) {
        return new ServerConfig(bind, port, token, maxBodyBytes, idleTimeoutMs, maxThreads, stopTimeoutMs);
    }

    public ServerConfig withStopTimeoutMs(long stopTimeoutMs) {
        return new ServerConfig(bind, port, token, maxBodyBytes, idleTimeoutMs, maxThreads, stopTimeoutMs);
    }

    @Override
    public String toString() {
        // never the token itself
        return "ServerConfig[bind=" + bind + ", port=" + port + ", token=" + (token.isPresent() ? "set" : "none")
                + ", maxBodyBytes=" + maxBodyBytes + ", idleTimeoutMs=" + idleTimeoutMs + ", maxThreads=" + maxThreads
                + ", stopTimeoutMs=" + stopTimeoutMs + "]";
    }
}
