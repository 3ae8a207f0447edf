package triage.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import triage.incidents.NotificationConfig;
import triage.testing.TestTriage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dockerfile runs the commands the docs give, and the example configurations are valid. */
class DeploymentFilesTest {

    static final Path ROOT = TestTriage.projectRoot();

    @Test
    void theDockerfileBuildsAndRunsWithTheDocumentedCommands() throws Exception {
        String docker = Files.readString(ROOT.resolve("Dockerfile"));
        String docs = Files.readString(ROOT.resolve("docs/service.md"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher run = Pattern.compile("(?m)^RUN (mvn .*)$").matcher(docker);
        assertThat(run.find()).isTrue();
        assertThat(readme).contains(run.group(1));
        assertThat(docs).contains(run.group(1));
        Matcher cmd = Pattern.compile("(?m)^CMD \\[(.*)]$").matcher(docker);
        assertThat(cmd.find()).isTrue();
        List<String> words = new ArrayList<>();
        for (String w : cmd.group(1).split(",")) {
            words.add(w.strip().replaceAll("^\"|\"$", ""));
        }
        assertThat(docs).contains(String.join(" ", words));
        assertThat(docker).contains("USER triage").contains("HEALTHCHECK").contains("/healthz").contains("VOLUME /var/lib/triage");
    }

    @Test
    void theExampleConfigurationsAreValid() throws Exception {
        NotificationConfig c = NotificationConfig.load(ROOT.resolve("deploy/triage.yaml"));
        assertThat(c.routes()).extracting(NotificationConfig.Route::type).containsExactly("slack", "webhook");
        JsonNode am = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("deploy/alertmanager.yml").toFile());
        JsonNode hook = am.path("receivers").path(0).path("webhook_configs").path(0);
        assertThat(hook.path("send_resolved").asBoolean()).isTrue();
        assertThat(hook.path("url").asText()).endsWith("/v1/alertmanager");
        String unit = Files.readString(ROOT.resolve("deploy/triage.service"));
        assertThat(unit).contains("NoNewPrivileges=yes").contains("ProtectSystem=strict").contains("User=triage");
    }
}
