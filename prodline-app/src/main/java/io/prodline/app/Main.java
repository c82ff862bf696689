package io.prodline.app;

import io.prodline.core.error.ProdlineException;
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
        "Every command explains itself:  prodline <command> --help"},
    subcommands = {
        QuickstartCommand.class,
        TrainCommand.class,
        EvaluateCommand.class,
        PredictCommand.class,
        TuneCommand.class,
        RunsCommand.class,
        ServeCommand.class,
        DataCommand.class,
        PipelineCommand.class,
        LineageCommand.class,
        ModelsCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line with prodline's error handling: user errors print one line and exit 2. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    // The help texts are written for a 120-column terminal; at picocli's default of 80 every line breaks twice.
    cli.setUsageHelpWidth(120);
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

  /** Reports the version stamped into the jar by the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"prodline " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
  }
}
