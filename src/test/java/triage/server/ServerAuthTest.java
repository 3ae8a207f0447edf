package triage.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With a token file, every endpoint but /healthz wants {@code Authorization: Bearer <token>}. */
class ServerAuthTest {

    private static final String TOKEN = "s3cret-t0ken-for-tests-0123456789";
    private static ServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        Path file = Files.createTempFile("triage-token", ".txt");
        Files.writeString(file, TOKEN + "\n");
        f = new ServerFixture(ServerConfig.defaults().withToken(triage.cli.ServeCommand.readToken(file)));
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static void assertUnauthorized(HttpResponse<String> r, String reason) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(r.body().strip()).doesNotContain("\n").contains(reason).doesNotContain(TOKEN);
    }

    @Test
    void aMissingTokenIs401() {
        assertUnauthorized(f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload()).build()), "missing bearer token");
        assertUnauthorized(f.get("/metrics"), "missing bearer token");
        assertUnauthorized(f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload())
                .header("Authorization", "Basic dXNlcjpwYXNz").build()), "missing bearer token");
    }

    @Test
    void aWrongTokenIs401() {
        assertUnauthorized(f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload())
                .header("Authorization", "Bearer wrong").build()), "invalid bearer token");
        assertUnauthorized(f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload())
                .header("Authorization", "Bearer " + TOKEN + "x").build()), "invalid bearer token");
        assertUnauthorized(f.send(f.post("/v1/diagnose", "{}".getBytes())
                .header("Authorization", "Bearer " + TOKEN.substring(1)).build()), "invalid bearer token");
    }

    @Test
    void aWrongTokenOnALargeBodyIsStill401AndTheConnectionStaysUsable() {
        // refused before the body is read: the rest of it is drained, so the client finishes sending and reads the
        // 401 (closing mid-upload gave it a broken pipe instead, a flaky failure of aWrongTokenIs401)
        byte[] large = new byte[256 << 10];
        java.util.Arrays.fill(large, (byte) ' ');
        for (int i = 0; i < 200; i++) {
            assertUnauthorized(f.send(f.post("/v1/alertmanager", i % 2 == 0 ? large : ServerFixture.samplePayload())
                    .header("Authorization", "Bearer wrong").build()), "invalid bearer token");
        }
    }

    @Test
    void theRightTokenIsLetIn() {
        HttpResponse<String> r = f.send(f.post("/v1/alertmanager", ServerFixture.samplePayload())
                .header("Authorization", "Bearer " + TOKEN).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("exchange.rate-limited");
        assertThat(f.send(f.post("/metrics", new byte[0]).GET().header("Authorization", "bearer " + TOKEN).build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void healthzStaysOpen() {
        assertThat(f.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void refusalsAreCounted() {
        f.get("/metrics");
        String metrics = f.server.metrics().render();
        assertThat(metrics).containsPattern("triage_errors_total\\{endpoint=\"/metrics\",reason=\"unauthorized\"} [1-9]");
        assertThat(metrics).containsPattern("triage_http_requests_total\\{endpoint=\"/metrics\",status=\"401\"} [1-9]");
    }

    @Test
    void aTokenFileMustHoldOneLine() throws Exception {
        Path empty = Files.createTempFile("triage-token", ".txt");
        assertThatThrownBy(() -> triage.cli.ServeCommand.readToken(empty)).hasMessageContaining("one non-empty line");
        Path two = Files.createTempFile("triage-token", ".txt");
        Files.writeString(two, "a\nb\n");
        assertThatThrownBy(() -> triage.cli.ServeCommand.readToken(two)).hasMessageContaining("one non-empty line");
        assertThat(ServerConfig.defaults().withToken(TOKEN).toString()).doesNotContain(TOKEN);
    }
}
