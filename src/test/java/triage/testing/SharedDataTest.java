package triage.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedDataTest {

    @Test
    void missingSharedDataFailsUnderCiAndSkipsOtherwise(@TempDir Path dir) {
        Path missing = dir.resolve("shared/cases");
        assertThatThrownBy(() -> SharedData.require(missing, true)).isInstanceOf(AssertionFailedError.class).hasMessageContaining("CI=true");
        assertThatThrownBy(() -> SharedData.require(missing, false)).isInstanceOf(TestAbortedException.class);
        assertThatCode(() -> SharedData.require(dir, true)).doesNotThrowAnyException();
    }
}
