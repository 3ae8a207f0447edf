package triage.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --kb DIR}, the option every command that loads the knowledge base takes (a picocli mixin),
 * resolved with the fallbacks of {@link ProjectRoot}.
 */
public final class ProjectRootOption {

    @Option(names = "--kb", paramLabel = "DIR", description = "project root holding rules/ and knowledge-base/ (or TRIAGE_KB)")
    Path kb;

    /** The project root: {@code --kb}, else {@code TRIAGE_KB}, else the working directory or the jar's project. */
    public Path resolve() {
        return ProjectRoot.resolve(kb);
    }
}
