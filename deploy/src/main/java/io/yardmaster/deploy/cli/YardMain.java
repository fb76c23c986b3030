package io.yardmaster.deploy.cli;

import picocli.CommandLine;

/** The {@code yard} command: parses the command line and runs the command asked for. */
public final class YardMain {
  private YardMain() {}

  public static void main(String[] args) {
    System.exit(commandLine(YardContext.system()).execute(args));
  }

  private static void shareVersion(CommandLine cli, String[] version) {
    cli.getSubcommands()
        .values()
        .forEach(
            sub -> {
              sub.getCommandSpec().version(version);
              shareVersion(sub, version);
            });
  }

  /** The configured command line; tests run it in-process with their own context. */
  public static CommandLine commandLine(YardContext context) {
    CommandLine cli = new CommandLine(new YardCommand(), new ContextFactory(context));
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ErrorHandlers.Execution(context.err()));
    cli.setParameterExceptionHandler(new ErrorHandlers.Parameters(context.err()));
    shareVersion(cli, cli.getCommandSpec().version());
    return cli;
  }
}
