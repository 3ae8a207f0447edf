package triage.server;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A graceful stop (what SIGTERM triggers through the shutdown hook) lets a request in flight finish. */
class ServerShutdownTest {

    @Test
    void aRequestInFlightFinishesDuringAGracefulStop() throws Exception {
        ServerFixture f = new ServerFixture(ServerConfig.defaults().withStopTimeoutMs(20_000));
        int port = f.server.port();
        byte[] payload = ServerFixture.samplePayload();
        // a raw connection: the headers and half the body now, the rest later; the request is in flight meanwhile
        Socket client = new Socket("127.0.0.1", port);
        OutputStream out = client.getOutputStream();
        out.write(("POST /v1/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + payload.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(payload, 0, payload.length / 2);
        out.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (f.server.requestsInFlight() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(f.server.requestsInFlight()).isEqualTo(1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                f.server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the server takes no new connections while it drains
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                Thread.sleep(20);
            } catch (ConnectException e) {
                refused = true;
            }
        }
        assertThat(refused).isTrue();
        assertThat(stopping).isNotDone();

        out.write(payload, payload.length / 2, payload.length - payload.length / 2);
        out.flush();
        client.setSoTimeout(20_000);
        String response = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        client.close();
        assertThat(response).startsWith("HTTP/1.1 200 ");
        assertThat(response).contains("exchange.rate-limited");
        stopping.get(20, TimeUnit.SECONDS);
        assertThat(f.server.isStopped()).isTrue();
    }
}
