package io.yardmaster.model.validation;

import io.yardmaster.model.TaskSubmission;
import java.util.List;
import java.util.Optional;

/** Every problem found in a submission, and the submission itself when there was no error. */
public record ValidationResult(List<Problem> problems, TaskSubmission submission) {
  public ValidationResult {
    problems = List.copyOf(problems);
  }

  public boolean isValid() {
    return submission != null;
  }

  public Optional<TaskSubmission> task() {
    return Optional.ofNullable(submission);
  }

  public List<Problem> errors() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
  }

  /** The problems as "field: message" lines. */
  public List<String> describe() {
    return problems.stream().map(p -> p.severity() + " " + p).toList();
  }
}
