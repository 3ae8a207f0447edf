package triage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import triage.knowledge.Problem;

/** {@code triage}: diagnose incidents in trading platforms from their logs, metrics and alerts. */
@Command(name = "triage", mixinStandardHelpOptions = true, version = "triage 0.1.0",
        description = "Diagnoses incidents in algorithmic and high-frequency trading platforms.",
        subcommands = {DiagnoseCommand.class, KbCommand.class, ConsultCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class TriageCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_PROBLEMS = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TriageCommand());
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("triage: " + Problem.firstLine(e) + " (see --help)");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            // one line, never a stack trace: the message names file and line where there is one
            line.getErr().println("triage: " + Problem.firstLine(e));
            return EXIT_USAGE;
        });
        return cl;
    }
}
