package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code prodline} command line: one sub-command per job. */
@Command(
    name = "prodline",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "A production ML platform for the JVM: data in, a served model out, kept healthy.",
        "",
        "Start with:  prodline quickstart",
        "Pipelines:   prodline pipeline run examples/quickstart/pipeline.yaml",
        "Every command explains itself:  prodline <command> --help"})
public final class Main implements Runnable {
  /**
   * The sub-commands, each with its name. Building picocli's model of one reads its annotations by reflection: all
   * of them take about 0.3 s, most of the start of a short command, so a command line that names one gets only
   * that one (help, a mistyped name or no name still get them all).
   */
  private static final Map<String, Class<?>> COMMANDS = commands(QuickstartCommand.class, TrainCommand.class,
      EvaluateCommand.class, PredictCommand.class, TuneCommand.class, RunsCommand.class, ServeCommand.class,
      DataCommand.class, PipelineCommand.class, LineageCommand.class, ModelsCommand.class,
      CommandLine.HelpCommand.class);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine(args).execute(args));
  }

  /** The command line with every sub-command and prodline's error handling: user errors print one line, exit 2. */
  public static CommandLine newCommandLine() {
    return newCommandLine(new String[0]);
  }

  /** As {@link #newCommandLine()}, with only the sub-command {@code args} starts with when it names one. */
  static CommandLine newCommandLine(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    Class<?> named = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
    for (Class<?> command : named != null ? List.of(named) : COMMANDS.values()) {
      cli.addSubcommand(command);
    }
    // The help texts are written for a 120-column terminal; at picocli's default of 80 every line breaks twice.
    cli.setUsageHelpWidth(120);
    // A usage error is one line and where to read more, not the command's whole help (147 lines for serve) after it.
    cli.setParameterExceptionHandler((ex, arguments) -> {
      CommandLine failed = ex.getCommandLine();
      failed.getErr().println("prodline: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, failed.getErr());
      failed.getErr().println("See '" + failed.getCommandSpec().qualifiedName() + " --help'.");
      return 2;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof ProdlineException pe) {
        commandLine.getErr().println("prodline: " + pe.getMessage());
        return pe.exitCode();
      }
      if (ex instanceof IllegalArgumentException iae) {
        commandLine.getErr().println("prodline: " + iae.getMessage());
        return 2;
      }
      throw ex;
    });
    return cli;
  }

  private static Map<String, Class<?>> commands(Class<?>... commands) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> command : commands) {
      byName.put(command.getAnnotation(Command.class).name(), command);
    }
    return byName;
  }

  /** Reports the version stamped into the jar by the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"prodline " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
  }
}
