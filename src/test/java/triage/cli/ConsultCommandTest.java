package triage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import triage.diagnosis.Diagnosis;
import triage.testing.TestTriage;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `triage consult` without a terminal: the line protocol on standard input and output. */
class ConsultCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run consult(String input, String... args) {
        ConsultCommand cmd = new ConsultCommand();
        cmd.stdin = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--kb", TestTriage.projectRoot().toString())).toArray(String[]::new);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void theCommandReadsAnswersFromStdinSavesThemAndExitsZero(@TempDir Path dir) throws Exception {
        Path save = dir.resolve("answers.yaml");
        Run run = consult("no\nno\nyes\n", "--complaint", "orders are not being placed", "--save", save.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains(". end ");
        assertThat(Files.readString(save)).contains("answers:");
        Diagnosis again = TestTriage.get().diagnose(List.of(save));
        assertThat(again.causes()).isNotEmpty();
        assertThat(run.out()).contains(again.causes().get(0).id());
    }

    @Test
    void anUnknownComplaintIsOneLineAndExitTwo() {
        Run run = consult("", "--complaint", "xyzzy");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("triage: no single complaint matches 'xyzzy'").doesNotContain("\tat ");
    }

    @Test
    void theFormatIsOneTypedOptionAndABadOneIsAUsageError() {
        assertThat(consult("quit\n", "--complaint", "orders are not being placed", "--format", "MD").exit()).isEqualTo(0);
        Run bad = consult("", "--format", "yaml");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown format 'yaml'");
    }
}
