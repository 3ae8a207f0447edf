package triage.incidents;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The service's {@code --config} file (YAML): where notifications go and how long incidents are kept.
 *
 * <pre>
 * public_url: https://triage.example.com      # links in messages point at {public_url}/v1/incidents/{id}
 * retention: {max_age_days: 90, max_incidents: 10000}
 * routes:
 *   - name: desk
 *     type: slack                               # slack (also Mattermost, Rocket.Chat) | webhook (generic JSON)
 *     url_file: /etc/triage/slack-webhook-url   # or url_env: DESK_SLACK_URL; the URL is a secret: never inline
 *     filter: {severity: [critical, high], area: [exchange, orders], labels: {team: desk}}
 *     attempts: 5                               # tries per message, with exponential backoff from backoff_ms
 *     backoff_ms: 500
 * </pre>
 */
public record NotificationConfig(String publicUrl, Retention retention, List<Route> routes) {

    public record Retention(Integer maxAgeDays, Integer maxIncidents) {
        public Duration maxAge() {
            return Duration.ofDays(maxAgeDays == null ? 90 : maxAgeDays);
        }

        public int maxCount() {
            return maxIncidents == null ? 10_000 : maxIncidents;
        }
    }

    /** Which incidents a route takes; an empty list or map takes all. */
    public record Filter(List<String> severity, List<String> area, Map<String, String> labels) {
        public Filter {
            severity = severity == null ? List.of() : List.copyOf(severity);
            area = area == null ? List.of() : List.copyOf(area);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        public boolean admits(Incident i) {
            String cause = i.leadingCause() == null ? "" : i.leadingCause();
            String causeArea = cause.contains(".") ? cause.substring(0, cause.indexOf('.')) : cause;
            return (severity.isEmpty() || severity.contains(i.severity()))
                    && (area.isEmpty() || area.contains(causeArea))
                    && labels.entrySet().stream().allMatch(e -> e.getValue().equals(i.labels().get(e.getKey())));
        }
    }

    public record Route(String name, String type, String urlFile, String urlEnv, Filter filter, Integer attempts,
                        Integer backoffMs) {
        public static final String SLACK = "slack";
        public static final String WEBHOOK = "webhook";

        public Route {
            filter = filter == null ? new Filter(null, null, null) : filter;
            attempts = attempts == null ? 5 : attempts;
            backoffMs = backoffMs == null ? 500 : backoffMs;
        }

        /** The endpoint, read from its file or environment variable at start-up. */
        public String url() {
            if (urlFile != null) {
                try {
                    return Files.readString(Path.of(urlFile)).strip();
                } catch (IOException e) {
                    throw new IllegalArgumentException("route " + name + ": cannot read url_file " + urlFile + ": " + e.getMessage());
                }
            }
            String v = System.getenv(urlEnv);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("route " + name + ": environment variable " + urlEnv + " is not set");
            }
            return v.strip();
        }
    }

    public NotificationConfig {
        retention = retention == null ? new Retention(null, null) : retention;
        routes = routes == null ? List.of() : List.copyOf(routes);
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    private static int lineOf(Path file, String key, int fallback) {
        try {
            java.util.List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("^[\\s-]*\\{?.*\\b" + java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
                    return i + 1;
                }
            }
        } catch (IOException ignored) {
            // keep the parser's line
        }
        return fallback;
    }

    public static NotificationConfig none() {
        return new NotificationConfig(null, null, null);
    }

    /** Reads and checks a config file; problems name the file and line, and never quote a URL. */
    public static NotificationConfig load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        NotificationConfig c;
        try {
            c = yaml.readValue(file.toFile(), NotificationConfig.class);
        } catch (JsonMappingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
                // the parser stands after the value by then: name the line of the key itself
                line = lineOf(file, u.getPropertyName(), line);
            }
            throw new IllegalArgumentException(file + ":" + line + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (c == null) {
            return none();
        }
        for (Route r : c.routes()) {
            if (r.name() == null || r.name().isBlank()) {
                throw new IllegalArgumentException(file + ": a route without a name");
            }
            if (!Route.SLACK.equals(r.type()) && !Route.WEBHOOK.equals(r.type())) {
                throw new IllegalArgumentException(file + ": route " + r.name() + ": type must be slack or webhook");
            }
            if ((r.urlFile() == null) == (r.urlEnv() == null)) {
                throw new IllegalArgumentException(file + ": route " + r.name() + ": give exactly one of url_file and url_env");
            }
            if (r.attempts() < 1 || r.backoffMs() < 0) {
                throw new IllegalArgumentException(file + ": route " + r.name() + ": attempts must be at least 1");
            }
        }
        return c;
    }

}
