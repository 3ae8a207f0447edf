package triage.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.knowledge.PatternDef;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** One bad path is one warning, never the loss of the rest; the same evidence twice counts once. */
class EvidenceFilesTest {

    @TempDir
    Path dir;

    private final PatternDef refused = pattern("x.refused", "Connection refused", "connection refused");
    private static final String LINE = "2026-05-06 09:10:02,000 ERROR Connection refused\n";

    @Test
    void aMissingPathADanglingLinkAndALinkLoopAreOneWarningEachAndTheGoodFileIsRead() throws IOException {
        Path good = Files.writeString(dir.resolve("good.log"), LINE);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.log"), dir.resolve("gone.log"));
        Path loopA = dir.resolve("loop-a");
        Files.createSymbolicLink(loopA, dir.resolve("loop-b"));
        Files.createSymbolicLink(dir.resolve("loop-b"), loopA);
        Evidence e = reader(refused).read(List.of(dir.resolve("missing.log"), dangling, loopA, good));
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(1));
        assertThat(e.warnings()).containsExactly(
                dir.resolve("missing.log") + ": no such file or folder; skipped",
                dangling + ": broken symbolic link; skipped",
                loopA + ": symbolic link loop; skipped");
        assertThat(e.nothingReadable()).isFalse();
    }

    @Test
    void onlyBadPathsMeanNothingWasRead() {
        Evidence e = reader(refused).read(List.of(dir.resolve("missing.log")));
        assertThat(e.nothingReadable()).isTrue();
    }

    @Test
    void aFolderTheWalkCannotEnterIsAWarningAndTheWalkGoesOn() {
        // running as root, no folder is unreadable: the walker is given the walk's own failure
        List<String> warnings = new ArrayList<>();
        EvidenceFiles.Walker walker = new EvidenceFiles.Walker(warnings);
        FileVisitResult next = walker.visitFileFailed(dir.resolve("private"), new AccessDeniedException(dir.resolve("private").toString()));
        assertThat(next).isEqualTo(FileVisitResult.CONTINUE);
        assertThat(warnings).containsExactly(dir.resolve("private") + ": cannot read (permission denied); skipped");
    }

    @Test
    void aFifoInsideAFolderIsSkippedWithoutWaitingForAWriter() throws Exception {
        Files.writeString(dir.resolve("good.log"), LINE);
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
        Evidence e = reader(refused).read(List.of(dir));
        assertThat(e.symptoms()).hasSize(1);
        assertThat(e.warnings()).containsExactly(fifo + ": not a regular file (a FIFO, socket or device); skipped");
    }

    @Test
    void theSameFileThriceACopyAndALinkCountOnce() throws IOException {
        Path log = Files.writeString(dir.resolve("a.log"), LINE);
        Path sub = Files.createDirectories(dir.resolve("bundle"));
        Files.copy(log, sub.resolve("copy.log"));
        Files.createSymbolicLink(sub.resolve("link.log"), log);
        Files.writeString(sub.resolve("other.log"), LINE.replace("02,000", "03,000")); // same size, other content
        Evidence e = reader(refused).read(List.of(log, log, log, sub));
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(2));
        assertThat(e.warnings()).containsExactly( // the same line twice is one warning
                log + ": same content as " + log + "; read once",
                sub.resolve("copy.log") + ": same content as " + log + "; read once",
                sub.resolve("link.log") + ": same content as " + log + "; read once");
    }
}
