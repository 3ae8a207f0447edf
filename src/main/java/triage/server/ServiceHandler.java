package triage.server;

import triage.knowledge.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Attributes;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.api.AlertGroup;
import triage.api.InvalidPayloadException;
import triage.api.Triage;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.evidence.Evidence;
import triage.evidence.Redactor;
import triage.incidents.IncidentService;
import triage.incidents.Receipt;
import triage.output.JsonRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service's endpoints, on Jetty's core handler API. Each request is handled on one pool thread
 * from start to end (a diagnosis is short and CPU-bound): authenticate, read the body under the size
 * limit, diagnose on the shared {@link Triage}, answer JSON. Every refusal is a status and a one-line
 * JSON reason; nothing the client sent is logged but the group key, and no stack trace leaves the server.
 */
final class ServiceHandler extends Handler.Abstract {

    static final String ALERTMANAGER = "/v1/alertmanager";
    static final String DIAGNOSE = "/v1/diagnose";
    static final String HEALTHZ = "/healthz";
    static final String METRICS = "/metrics";
    static final String INCIDENTS = "/v1/incidents";
    static final String INCIDENT = "/v1/incidents/{id}";
    static final String OPENAPI = "/v1/openapi.yaml";
    static final String OTHER = "other";

    private static final Logger log = LoggerFactory.getLogger(ServiceHandler.class);
    private static final int MAX_EVIDENCE_FILES = 100;
    private static final byte[] HEALTH = "{\"status\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final String JSON_TYPE = "application/json";
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Triage triage;
    private final ServerConfig config;
    private final Metrics metrics;
    private final JsonRenderer renderer = new JsonRenderer();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Optional<byte[]> tokenDigest;
    private final Optional<IncidentService> incidents;
    private final Optional<IncidentsApi> incidentsApi;

    ServiceHandler(Triage triage, ServerConfig config, Metrics metrics, Optional<IncidentService> incidents) {
        this.triage = triage;
        this.config = config;
        this.metrics = metrics;
        this.tokenDigest = config.token().map(ServiceHandler::sha256);
        this.incidents = incidents;
        this.incidentsApi = incidents.map(i -> new IncidentsApi(i.store()));
    }

    private record Reply(int status, String contentType, byte[] body) {
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        String endpoint = switch (path) {
            case ALERTMANAGER, DIAGNOSE, HEALTHZ, METRICS, INCIDENTS, OPENAPI -> path;
            default -> path.startsWith(INCIDENTS + "/") ? INCIDENT : OTHER;
        };
        metrics.begin();
        Reply reply;
        try {
            reply = route(endpoint, request, response, start);
        } catch (HttpProblem p) {
            metrics.error(endpoint, p.reason);
            // the reason code only: the message may quote what the client sent
            log.atInfo().setMessage("request refused").addKeyValue("method", forLog(request.getMethod()))
                    .addKeyValue("endpoint", endpoint).addKeyValue("status", p.status).addKeyValue("reason", p.reason).log();
            reply = error(p.status, p.getMessage());
            if (p.status != 413 && p.status != 408) {
                drainBody(request);
            }
        } catch (Throwable t) {
            // the operator gets the trace in the log; the client gets one line
            log.atError().setMessage("request failed").addKeyValue("method", forLog(request.getMethod()))
                    .addKeyValue("endpoint", endpoint).setCause(t).log();
            metrics.error(endpoint, "internal");
            reply = error(500, "internal error while diagnosing; see the service log");
        } finally {
            metrics.end();
        }
        metrics.request(endpoint, reply.status, System.nanoTime() - start);
        response.setStatus(reply.status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body.length);
        response.write(true, ByteBuffer.wrap(reply.body), callback); // HEAD: Jetty sends the headers only
        return true;
    }

    private Reply route(String endpoint, Request request, Response response, long start) throws IOException {
        switch (endpoint) {
            case HEALTHZ -> {
                allow(request, response, "GET", "HEAD");
                return new Reply(200, JSON_TYPE, HEALTH);
            }
            case METRICS -> {
                allow(request, response, "GET", "HEAD");
                authenticate(request, response);
                return new Reply(200, PROMETHEUS_TYPE, metrics.render().getBytes(StandardCharsets.UTF_8));
            }
            case ALERTMANAGER -> {
                allow(request, response, "POST");
                authenticate(request, response);
                return alertmanager(request, readBody(request), start);
            }
            case DIAGNOSE -> {
                allow(request, response, "POST");
                authenticate(request, response);
                return diagnose(request, readBody(request), start);
            }
            case INCIDENTS -> {
                allow(request, response, "GET", "HEAD");
                authenticate(request, response);
                return json(store().list(queryParameters(request)));
            }
            case INCIDENT -> {
                allow(request, response, "GET", "HEAD");
                authenticate(request, response);
                return json(store().get(path(request).substring(INCIDENTS.length() + 1)));
            }
            case OPENAPI -> {
                allow(request, response, "GET", "HEAD");
                return new Reply(200, "application/yaml", OpenApi.document());
            }
            default -> throw new HttpProblem(404, "not_found", "no such endpoint; there are POST /v1/alertmanager, "
                    + "POST /v1/diagnose, GET /v1/incidents, GET /v1/incidents/{id}, GET /v1/openapi.yaml, GET /healthz and GET /metrics");
        }
    }

    private Reply alertmanager(Request request, byte[] body, long start) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!(type.isEmpty() || type.startsWith("application/json") || type.endsWith("+json"))) {
            throw new HttpProblem(415, "unsupported_media_type", "unsupported content type; Alertmanager posts application/json");
        }
        AlertGroup group;
        try {
            group = AlertGroup.parse(body);
        } catch (InvalidPayloadException e) {
            throw badPayload(e);
        }
        Diagnosis d = triage.diagnose(group);
        ObjectNode tree = renderer.tree(d);
        record(tree, () -> Receipt.fromAlertmanager(group.payload(), tree.deepCopy()));
        ObjectNode about = tree.putObject("alertmanager");
        about.put("groupKey", group.groupKey());
        about.put("status", group.status());
        about.put("receiver", group.receiver());
        about.put("alerts", group.alerts());
        about.put("firing", group.firing());
        metrics.alerts(group.alerts());
        concluded(d);
        CauseHypothesis top = d.causes().isEmpty() ? null : d.causes().get(0);
        log.atInfo().setMessage("alert group diagnosed")
                .addKeyValue("groupKey", forLog(group.groupKey()))
                .addKeyValue("alerts", group.alerts())
                .addKeyValue("firing", group.firing())
                .addKeyValue("top_cause", top == null ? "none" : top.id())
                .addKeyValue("confidence", top == null ? 0.0 : top.confidence())
                .addKeyValue("causes", d.causes().size())
                .addKeyValue("latency_ms", millis(start))
                .log();
        return json(tree);
    }

    private Reply diagnose(Request request, byte[] body, long start) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        Map<String, byte[]> files;
        if (type.startsWith("multipart/form-data")) {
            files = multipart(request, contentType, body);
        } else if (type.isEmpty() || type.startsWith("application/json") || type.endsWith("+json")) {
            files = jsonEvidence(body);
        } else {
            throw new HttpProblem(415, "unsupported_media_type",
                    "unsupported content type; send multipart/form-data (one part per evidence file) or application/json");
        }
        if (files.isEmpty()) {
            throw new HttpProblem(400, "no_evidence", "no evidence: the request holds no evidence file");
        }
        Evidence evidence = triage.read(files);
        if (evidence.nothingReadable()) {
            throw new HttpProblem(400, "no_evidence", "no evidence could be read: "
                    + (evidence.warnings().isEmpty() ? "every file was empty or unreadable" : evidence.warnings().get(0)));
        }
        Diagnosis d = triage.diagnose(evidence);
        concluded(d);
        ObjectNode tree = renderer.tree(d);
        record(tree, () -> Receipt.fromUpload(tree.deepCopy()));
        CauseHypothesis top = d.causes().isEmpty() ? null : d.causes().get(0);
        log.atInfo().setMessage("evidence diagnosed")
                .addKeyValue("files", files.size())
                .addKeyValue("top_cause", top == null ? "none" : top.id())
                .addKeyValue("confidence", top == null ? 0.0 : top.confidence())
                .addKeyValue("causes", d.causes().size())
                .addKeyValue("latency_ms", millis(start))
                .log();
        return json(tree);
    }

    /** Stores the diagnosis as (a revision of) an incident, when the service keeps incidents, and says which in the answer. */
    private void record(ObjectNode tree, java.util.function.Supplier<Receipt> receipt) {
        incidents.ifPresent(i -> tree.set("incident", IncidentsApi.recorded(i.record(receipt.get()))));
    }

    private IncidentsApi store() {
        return incidentsApi.orElseThrow(() -> new HttpProblem(404, "no_store",
                "this service keeps no incidents (started with --db none)"));
    }

    private static String path(Request request) {
        return Request.getPathInContext(request);
    }

    private static Map<String, String> queryParameters(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        org.eclipse.jetty.util.Fields fields = Request.extractQueryParameters(request);
        for (org.eclipse.jetty.util.Fields.Field f : fields) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    private Map<String, byte[]> multipart(Request request, String contentType, byte[] body) {
        MultiPartConfig mpc = new MultiPartConfig.Builder()
                .maxParts(MAX_EVIDENCE_FILES)
                .maxSize(config.maxBodyBytes())
                .maxPartSize(config.maxBodyBytes())
                .maxMemoryPartSize(config.maxBodyBytes()) // never to disk: evidence stays in memory
                .useFilesForPartsWithoutFileName(false)
                .build();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(Content.Source.from(ByteBuffer.wrap(body)),
                new Attributes.Mapped(), contentType, mpc)) {
            int i = 0;
            for (MultiPart.Part part : parts) {
                i++;
                String name = part.getFileName() != null && !part.getFileName().isBlank() ? part.getFileName()
                        : part.getName() != null && !part.getName().isBlank() ? part.getName() : "evidence-" + i;
                ByteBuffer content = Content.Source.asByteBuffer(part.getContentSource());
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                put(files, name, bytes);
            }
        } catch (HttpProblem p) {
            throw p;
        } catch (Exception e) {
            throw new HttpProblem(400, "malformed_multipart", "malformed multipart/form-data body: "
                    + oneLine(rootCause(e)));
        }
        return files;
    }

    private Map<String, byte[]> jsonEvidence(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "invalid_json", InvalidPayloadException.invalidJson(e).getMessage());
        } catch (IOException e) {
            throw new HttpProblem(400, "invalid_json", "unreadable JSON body");
        }
        if (root == null || !root.isObject() || !root.path("evidence").isArray()) {
            throw new HttpProblem(400, "wrong_shape", "expected {\"evidence\": [{\"name\": \"exchanges.log\", "
                    + "\"lines\": [\"...\"]}]} (or \"content\": \"...\" instead of \"lines\")");
        }
        JsonNode items = root.path("evidence");
        if (items.size() > MAX_EVIDENCE_FILES) {
            throw new HttpProblem(400, "too_many_files", "more than " + MAX_EVIDENCE_FILES + " evidence files");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode item : items) {
            String at = "evidence[" + i + "]";
            i++;
            if (!item.isObject()) {
                throw new HttpProblem(400, "wrong_shape", at + ": an object with \"name\" and \"lines\" or \"content\" expected");
            }
            String name = item.path("name").isTextual() && !item.path("name").asText().isBlank()
                    ? item.path("name").asText() : "evidence-" + i;
            String text;
            if (item.path("lines").isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode line : item.path("lines")) {
                    if (!line.isTextual()) {
                        throw new HttpProblem(400, "wrong_shape", at + ".lines: strings expected");
                    }
                    sb.append(line.asText()).append('\n');
                }
                text = sb.toString();
            } else if (item.path("content").isTextual()) {
                text = item.path("content").asText();
            } else {
                throw new HttpProblem(400, "wrong_shape", at + ": \"lines\" (an array of strings) or \"content\" (a string) expected");
            }
            put(files, name, text.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** Names are only labels (nothing is written to disk); two parts of one name both count. */
    private static void put(Map<String, byte[]> files, String rawName, byte[] content) {
        String name = forLog(rawName);
        String unique = name;
        for (int n = 2; files.containsKey(unique); n++) {
            unique = name + "#" + n;
        }
        files.put(unique, content);
    }

    private void concluded(Diagnosis d) {
        metrics.diagnosis();
        for (CauseHypothesis c : d.causes()) {
            metrics.cause(c.id());
        }
    }

    /**
     * Reads and drops what is left of a refused request's body, up to the body limit. Refused before its body was
     * read (a wrong token), the request would otherwise leave Jetty to close the connection right after the
     * reply, and a client reusing that connection for its next request got "header parser received no bytes".
     * Past the limit, or when the client stalls, the rest is left and Jetty closes the connection as before.
     */
    private void drainBody(Request request) {
        long left = config.maxBodyBytes() + 1;
        byte[] buffer = new byte[8192];
        try (InputStream in = Content.Source.asInputStream(request)) {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // nothing to save: the connection is closed after the reply
        }
    }

    private byte[] readBody(Request request) throws IOException {
        long max = config.maxBodyBytes();
        long declared = request.getLength();
        if (declared > max) {
            throw tooLarge(max);
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new HttpProblem(408, "body_timeout", "the request body could not be read in time");
        }
        if (body.length > max) {
            throw tooLarge(max);
        }
        if (body.length == 0) {
            throw new HttpProblem(400, "no_evidence", "empty request body");
        }
        return body;
    }

    private static HttpProblem tooLarge(long max) {
        return new HttpProblem(413, "too_large", "request body larger than the limit of " + max + " bytes");
    }

    private static HttpProblem badPayload(InvalidPayloadException e) {
        String reason = switch (e.kind()) {
            case INVALID_JSON -> "invalid_json";
            case WRONG_SHAPE -> "not_alertmanager";
            case UNSUPPORTED_VERSION -> "unsupported_version";
            case NO_EVIDENCE -> "no_evidence";
        };
        return new HttpProblem(400, reason, e.getMessage());
    }

    private static void allow(Request request, Response response, String... methods) {
        String method = request.getMethod();
        for (String m : methods) {
            if (m.equals(method)) {
                return;
            }
        }
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", methods));
        throw new HttpProblem(405, "method_not_allowed", "method not allowed; use " + String.join(" or ", methods));
    }

    private void authenticate(Request request, Response response) {
        if (tokenDigest.isEmpty()) {
            return;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"triage\"");
            throw new HttpProblem(401, "unauthorized", "missing bearer token (Authorization: Bearer ...)");
        }
        byte[] given = sha256(header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        // digests of equal length, compared in constant time: neither the token nor its length leaks
        if (!MessageDigest.isEqual(given, tokenDigest.get())) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"triage\", error=\"invalid_token\"");
            throw new HttpProblem(401, "unauthorized", "invalid bearer token");
        }
    }

    private Reply json(ObjectNode tree) {
        try {
            return new Reply(200, JSON_TYPE, mapper.writeValueAsBytes(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply error(int status, String message) {
        ObjectNode n = mapper.createObjectNode();
        n.put("error", message);
        n.put("status", status);
        try {
            return new Reply(status, JSON_TYPE, (mapper.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return new Reply(status, JSON_TYPE, "{\"error\":\"error\"}\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double millis(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }

    /** Client-given text for a log line or a label: no control characters, secrets masked, clipped. */
    static String forLog(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, '?');
            }
        }
        String clean = Redactor.redact(sb == null ? s : sb.toString());
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(Object o) {
        String s = o instanceof Throwable t ? Problem.firstLine(t) : Problem.firstLine(String.valueOf(o), "");
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
