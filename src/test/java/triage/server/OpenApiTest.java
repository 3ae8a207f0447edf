package triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.incidents.IncidentService;
import triage.incidents.IncidentStore;
import triage.incidents.NotificationConfig;
import triage.testing.TestTriage;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes every endpoint, and the real answers match its schemas. */
class OpenApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DOC = "classpath:triage/server/openapi.yaml";

    @TempDir
    Path dir;

    static Set<String> validate(String path, String method, HttpResponse<String> r) throws Exception {
        String pointer = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/"
                + r.statusCode() + "/content/application~1json/schema";
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(DOC + pointer));
        Set<String> problems = new LinkedHashSet<>();
        for (ValidationMessage m : schema.validate(JSON.readTree(r.body()))) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    @Test
    void everyEndpointIsDocumentedAndItsAnswersMatchTheDocument() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(OpenApi.document());
        Set<String> documented = new LinkedHashSet<>();
        doc.path("paths").fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsExactlyInAnyOrder("/v1/alertmanager", "/v1/diagnose", "/v1/incidents",
                "/v1/incidents/{id}", "/v1/openapi.yaml", "/healthz", "/metrics");

        try (IncidentService incidents = new IncidentService(IncidentStore.open(dir.resolve("api.db").toString(), null),
                NotificationConfig.none());
             TriageServer server = TriageServer.start(TestTriage.get(),
                     ServerConfig.defaults().withBind("127.0.0.1").withPort(0), Optional.of(incidents));
             ServerIncidentsTest.Client client = new ServerIncidentsTest.Client(server)) {
            var webhook = client.post("/v1/alertmanager", ServerIncidentsTest.webhook("g", "firing", "a1", "a2", "a3"));
            assertThat(validate("/v1/alertmanager", "post", webhook)).isEmpty();
            var bad = client.post("/v1/alertmanager", "{\"version\":\"4\"".getBytes(StandardCharsets.UTF_8));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(validate("/v1/alertmanager", "post", bad)).isEmpty();
            var upload = client.post("/v1/diagnose", "{\"evidence\":[{\"name\":\"a.log\",\"lines\":[\"ERROR binance 429 Too Many Requests\"]}]}"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(validate("/v1/diagnose", "post", upload)).isEmpty();
            var page = client.get("/v1/incidents");
            assertThat(validate("/v1/incidents", "get", page)).isEmpty();
            long id = JSON.readTree(page.body()).path("incidents").path(0).path("id").asLong();
            var detail = client.get("/v1/incidents/" + id);
            assertThat(validate("/v1/incidents/{id}", "get", detail)).isEmpty();
            var missing = client.get("/v1/incidents/424242");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(validate("/v1/incidents/{id}", "get", missing)).isEmpty();
            assertThat(validate("/v1/incidents", "get", client.get("/v1/incidents?since=yesterday"))).isEmpty();
            assertThat(validate("/healthz", "get", client.get("/healthz"))).isEmpty();
            assertThat(client.get("/v1/openapi.yaml").body()).startsWith("openapi: 3.1.0");
        }
    }

    @Test
    void anUndocumentedFieldInAnAnswerIsCaught() throws Exception {
        HttpResponse<String> fake = new FakeResponse(200, """
                {"incidents":[{"id":1,"group_key":"g","source":"upload","receiver":"","state":"firing","leading_cause":null,
                  "severity":null,"confidence":0,"labels":{},"created_at":"2026-12-03T09:00:00Z","updated_at":"2026-12-03T09:00:00Z",
                  "resolved_at":null,"receipts":1,"revision_count":1,"secret_field":true}],"total":1,"limit":50,"offset":0}""");
        assertThat(validate("/v1/incidents", "get", fake)).isNotEmpty();
    }

    record FakeResponse(int statusCode, String body) implements HttpResponse<String> {
        public java.net.http.HttpRequest request() { return null; }
        public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true); }
        public Optional<javax.net.ssl.SSLSession> sslSession() { return Optional.empty(); }
        public java.net.URI uri() { return null; }
        public java.net.http.HttpClient.Version version() { return java.net.http.HttpClient.Version.HTTP_1_1; }
    }
}
