package triage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import triage.evidence.SecretShapesTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.io.IOException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service under abuse: many idle connections, slow clients trickling headers, oversized
 * headers, wrong content types. Well-behaved clients are still answered while it goes on, and
 * no secret in a payload comes back in an answer.
 */
class ServerAbuseTest {

    private static ServerFixture f;
    private static int port;

    @BeforeAll
    static void start() {
        f = new ServerFixture(ServerConfig.defaults().withIdleTimeoutMs(3_000));
        port = URI.create(f.server.url()).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        return s;
    }

    @Test
    void aNormalRequestIsAnsweredWhileIdleAndSlowClientsHoldConnections() throws Exception {
        List<Socket> idle = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService slow = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 200; i++) {
                idle.add(connect()); // connect and say nothing
            }
            for (int i = 0; i < 16; i++) {
                slow.submit(() -> {
                    // slowloris: a request header trickled one byte at a time, never finished
                    try (Socket s = connect()) {
                        OutputStream out = s.getOutputStream();
                        byte[] head = "POST /v1/alertmanager HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
                        out.write(head);
                        while (!stop.get()) {
                            out.write('a');
                            out.flush();
                            Thread.sleep(100);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the server closing a slow client is what it should do
                    }
                    return null;
                });
            }
            Thread.sleep(500);
            long t0 = System.nanoTime();
            HttpResponse<String> r = f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload()).build());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(r.body()).get("causes").get(0).get("id").asText()).isEqualTo("exchange.rate-limited");
            assertThat(ms).as("answered while the abuse goes on").isLessThan(15_000);
            assertThat(f.get("/healthz").statusCode()).isEqualTo(200);
        } finally {
            stop.set(true);
            slow.shutdownNow();
            slow.awaitTermination(5, TimeUnit.SECONDS);
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        try (Socket s = connect()) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            int b = in.read(); // blocks until the server closes the idle connection
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(b).isEqualTo(-1);
            assertThat(ms).isBetween(2_000L, 9_000L);
        }
    }

    @Test
    void oversizedHeadersAreRefusedAndTheServerGoesOn() throws Exception {
        try (Socket s = connect()) {
            s.setSoTimeout(10_000);
            String huge = "x".repeat(64 * 1024);
            s.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Huge: " + huge + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).matches("HTTP/1\\.1 4(31|00|13).*");
        } catch (java.net.SocketException e) {
            // closing the connection on such a header is an acceptable refusal too
        }
        assertThat(f.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongContentTypesAreRefusedWithOneLine() {
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/v1/alertmanager")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{1, 2, 3})).build());
        assertThat(r.statusCode()).isIn(400, 415);
        assertThat(r.body().strip()).doesNotContain("\n");
    }

    static List<SecretShapesTest.Shape> shapes() throws IOException {
        return SecretShapesTest.shapes();
    }

    /** One request per shape, so each line is cited: the answer holds it redacted, and never the secret. */
    @ParameterizedTest
    @MethodSource("shapes")
    void noSecretInAPayloadComesBackInTheAnswer(SecretShapesTest.Shape shape) throws Exception {
        ObjectMapper json = new ObjectMapper();
        byte[] body = ("{\"evidence\": [{\"name\": \"exchanges.log\", \"lines\": [" + json.writeValueAsString(shape.line()) + "]}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = f.send(f.post("/v1/diagnose", body).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(shape.secret());
        assertThat(json.readTree(r.body()).path("symptoms").toString()).contains(json.writeValueAsString(shape.redacted()));
        HttpResponse<String> a = f.send(f.post("/v1/alertmanager", ServerFixture.payload("ExchangeErrors", shape.line(), 1)).build());
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.body()).doesNotContain(shape.secret());
    }
}
