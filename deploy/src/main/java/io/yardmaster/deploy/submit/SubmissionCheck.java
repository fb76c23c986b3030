package io.yardmaster.deploy.submit;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.model.validation.Problem;
import io.yardmaster.model.validation.SubmissionValidator;
import io.yardmaster.model.validation.ValidationResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a batch of submissions the way the dispatcher will, and reports every problem of every
 * task at once. A batch with any error is refused as a whole, so nothing is half submitted.
 */
public final class SubmissionCheck {
  private final SubmissionValidator validator;

  public SubmissionCheck(SubmissionValidator validator) {
    this.validator = java.util.Objects.requireNonNull(validator, "validator can't be null");
  }

  /** What the check found: one line per problem, and whether the batch may be sent. */
  public record Outcome(List<String> errors, List<String> warnings) {
    public Outcome {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }

    public boolean accepted() {
      return errors.isEmpty();
    }
  }

  public Outcome check(List<RawSubmission> batch) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (RawSubmission task : batch) {
      ValidationResult result = validator.validate(null, task.bytes());
      String label = label(task);
      for (Problem p : result.problems()) {
        (p.severity() == Problem.Severity.ERROR ? errors : warnings).add(label + ": " + p);
      }
      String id = task.id();
      if (id != null && !ids.add(id)) {
        warnings.add(
            label + ": id '" + id + "' appears more than once; the dispatcher keeps the first");
      }
    }
    return new Outcome(errors, warnings);
  }

  /** Checks the batch and throws {@link BadInputException} listing every error. */
  public Outcome require(List<RawSubmission> batch) {
    Outcome outcome = check(batch);
    if (!outcome.accepted()) {
      StringBuilder message = new StringBuilder();
      long bad = batch.stream().filter(t -> hasError(outcome, t)).count();
      message
          .append(bad)
          .append(" of ")
          .append(batch.size())
          .append(batch.size() == 1 ? " task has" : " tasks have")
          .append(" problems; nothing was submitted:");
      outcome.errors().forEach(e -> message.append(System.lineSeparator()).append("  ").append(e));
      message
          .append(System.lineSeparator())
          .append("Fix them and submit again (the format: see 'yard submit --help').");
      throw new BadInputException(message.toString());
    }
    return outcome;
  }

  private static boolean hasError(Outcome outcome, RawSubmission task) {
    String prefix = label(task) + ": ";
    return outcome.errors().stream().anyMatch(e -> e.startsWith(prefix));
  }

  private static String label(RawSubmission task) {
    String id = task.id();
    return id == null ? task.source() : task.source() + " (task '" + id + "')";
  }
}
