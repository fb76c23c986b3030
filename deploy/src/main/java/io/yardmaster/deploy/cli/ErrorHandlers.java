package io.yardmaster.deploy.cli;

import io.yardmaster.deploy.DeployException;
import io.yardmaster.model.YardmasterException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How {@code yard} reports errors: a user's mistake or an unreachable cluster is one clear message
 * and an exit code, with no stack trace; only a bug shows its stack trace.
 */
final class ErrorHandlers {
  private ErrorHandlers() {}

  /** Errors raised while a command runs. */
  static final class Execution implements CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    Execution(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
      if (e instanceof DeployException d) {
        err.println(prefix(cmd) + d.getMessage());
        err.flush();
        return d.exitCode();
      }
      if (e instanceof YardmasterException) {
        err.println(prefix(cmd) + e.getMessage());
        err.flush();
        return DeployException.EXIT_FAILED;
      }
      err.println(prefix(cmd) + "unexpected error, please report it: " + e);
      e.printStackTrace(err);
      err.flush();
      return DeployException.EXIT_FAILED;
    }
  }

  /** Errors in the command line itself: an unknown option, a missing or malformed value. */
  static final class Parameters implements CommandLine.IParameterExceptionHandler {
    private final PrintWriter err;

    Parameters(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      CommandLine cmd = e.getCommandLine();
      err.println(prefix(cmd) + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return DeployException.EXIT_BAD_INPUT;
    }
  }

  private static String prefix(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName() + ": ";
  }
}
