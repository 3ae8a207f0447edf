package triage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.cli.TriageCommand;
import triage.testing.TestTriage;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code triage serve}: who it listens to, what it says about its token file, and how it stops. */
class ServeCommandTest {

    @Test
    void aNonLoopbackBindWithoutATokenIsRefused() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = TriageCommand.commandLine().execute("serve", "--bind", "0.0.0.0", "--port", "0");
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--bind 0.0.0.0", "--token-file", "--insecure");
    }

    @Test
    void loopbackAddressesAreTheOnlyOnesTrustedWithoutAToken() {
        assertThat(ServeCommand.isLoopback("127.0.0.1")).isTrue();
        assertThat(ServeCommand.isLoopback("::1")).isTrue();
        assertThat(ServeCommand.isLoopback("localhost")).isTrue();
        assertThat(ServeCommand.isLoopback("0.0.0.0")).isFalse();
        assertThat(ServeCommand.isLoopback("10.1.2.3")).isFalse();
    }

    @Test
    void aTokenFileOthersCanReadGetsAWarningAndAPrivateOneNone(@TempDir Path dir) throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cr3t-token\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ServeCommand.tokenFileWarning(token)).hasValueSatisfying(w -> assertThat(w).contains("readable by other users", "chmod 600"));
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertThat(ServeCommand.tokenFileWarning(token)).isEmpty();
    }

    /** A real process: with --insecure the wildcard bind is served, and SIGTERM stops it gracefully with status 0. */
    @Test
    void withInsecureItServesAWildcardBindAndSigtermExitsZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "triage.cli.TriageCommand",
                "serve", "--bind", "0.0.0.0", "--insecure", "--port", "0", "--kb", TestTriage.projectRoot().toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.contains("listening")) {
                            return true;
                        }
                    }
                    return false;
                } catch (IOException e) {
                    return false;
                }
            });
            assertThat(listening.get(120, TimeUnit.SECONDS)).as("the service says it is listening").isTrue();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
