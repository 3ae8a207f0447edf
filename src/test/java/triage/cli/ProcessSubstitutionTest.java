package triage.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.testing.TestTriage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A shell's process substitution, {@code diagnose <(cmd)}, hands over a pipe under /dev/fd: it is read without seeking. */
class ProcessSubstitutionTest {

    @Test
    void bashProcessSubstitutionIsDiagnosedLikeTheFile(@TempDir Path dir) throws Exception {
        Path bash = Path.of("/bin/bash");
        Assumptions.assumeTrue(Files.isExecutable(bash), "bash is not installed: process substitution cannot be tried");
        Path log = dir.resolve("connector.log");
        Files.writeString(log, "2026-05-06 09:10:01,000 ERROR binance 429 Too Many Requests {\"code\":-1003}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "exec \"$0\" -cp \"$1\" triage.cli.TriageCommand diagnose --format json --kb \"$2\" <(cat \"$3\")";
        Process p = new ProcessBuilder(List.of(bash.toString(), "-c", command, java, System.getProperty("java.class.path"),
                TestTriage.projectRoot().toString(), log.toString())).start();
        byte[] err = p.getErrorStream().readAllBytes();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("Illegal seek").doesNotContain("\tat ");
        assertThat(out).contains("\"exchange.http-429\"").contains("/dev/fd/");
    }
}
