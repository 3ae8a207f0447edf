package triage.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends each new incident and revision to the routes whose filter admits it: asynchronously (never
 * delaying the answer to Alertmanager), once per revision and route across replicas (the store's
 * delivery row is claimed first), with retries and exponential backoff on 5xx, 429 and network
 * errors; every attempt is recorded with the incident. Endpoints are secrets: never logged.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IncidentStore store;
    private final NotificationConfig config;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "triage-notify");
        t.setDaemon(true);
        return t;
    });

    public Notifier(IncidentStore store, NotificationConfig config) {
        this.store = store;
        this.config = config;
        for (NotificationConfig.Route r : config.routes()) {
            urls.put(r.name(), r.url());
        }
    }

    /** Announces a recorded change when it made a new incident or revision; returns at once. */
    public void recorded(IncidentStore.Recorded rec) {
        if (rec.revision() == null) {
            return;
        }
        for (NotificationConfig.Route route : config.routes()) {
            if (route.filter().admits(rec.incident())
                    && store.claimDelivery(rec.incident().id(), rec.revision().number(), route.name())) {
                senders.execute(() -> send(route, rec.incident(), rec.revision()));
            }
        }
    }

    private void send(NotificationConfig.Route route, Incident incident, Revision revision) {
        ObjectNode body = NotificationConfig.Route.SLACK.equals(route.type())
                ? Messages.slack(incident, revision, config.publicUrl())
                : Messages.webhook(incident, revision, config.publicUrl());
        String error = null;
        for (int attempt = 1; attempt <= route.attempts(); attempt++) {
            boolean retry;
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(urls.get(route.name())))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    store.deliveryAttempt(incident.id(), revision.number(), route.name(), Delivery.SENT, attempt, null);
                    log.atInfo().setMessage("notification sent").addKeyValue("route", route.name())
                            .addKeyValue("incident", incident.id()).addKeyValue("revision", revision.number())
                            .addKeyValue("attempts", attempt).log();
                    return;
                }
                error = "HTTP " + r.statusCode();
                retry = r.statusCode() >= 500 || r.statusCode() == 429;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                retry = false;
            } catch (Exception e) {
                // the exception's text may hold the endpoint: keep its kind only
                error = e.getClass().getSimpleName();
                retry = true;
            }
            boolean last = !retry || attempt == route.attempts();
            store.deliveryAttempt(incident.id(), revision.number(), route.name(), last ? Delivery.FAILED : Delivery.PENDING,
                    attempt, error);
            if (last) {
                log.atWarn().setMessage("notification failed").addKeyValue("route", route.name())
                        .addKeyValue("incident", incident.id()).addKeyValue("revision", revision.number())
                        .addKeyValue("attempts", attempt).addKeyValue("error", error).log();
                return;
            }
            try {
                Thread.sleep(route.backoffMs() * (1L << Math.min(attempt - 1, 10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits (up to the timeout) for the messages under way, then stops. */
    @Override
    public void close() throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
    }
}
