package triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on loopback standing in for a Slack (or Mattermost) incoming webhook: it keeps
 * every message it accepts, and answers 500 to the first {@code failFirst} requests to test retries.
 */
final class SlackReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    SlackReceiver(int failFirst) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/services/T000/B000/XXXX", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int n = requests.incrementAndGet();
            int status = n <= failFirst ? 500 : 200;
            if (status == 200) {
                accepted.add(JSON.readTree(body));
            }
            byte[] answer = (status == 200 ? "ok" : "internal_error").getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/XXXX";
    }

    /** A --config file routing every incident to this receiver, its URL in a file beside it. */
    Path config(Path dir) throws IOException {
        Path urlFile = Files.writeString(dir.resolve("slack-url"), url());
        return Files.writeString(dir.resolve("triage.yaml"), """
                public_url: https://triage.example.test
                routes:
                  - name: desk
                    type: slack
                    url_file: %s
                    attempts: 4
                    backoff_ms: 20
                """.formatted(urlFile));
    }

    /** Waits until {@code n} messages were accepted (or the time is up). */
    void awaitAccepted(int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (accepted.size() < n && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
