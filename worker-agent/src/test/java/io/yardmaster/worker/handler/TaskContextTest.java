package io.yardmaster.worker.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.worker.testing.Assignments;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskContextTest {

  @Test
  void shouldCopyAssignmentAndKeyAttemptsWhenBuiltFromAssignment() {
    // GIVEN attempt 3 of a task WHEN its context is built
    TaskContext context =
        TaskContext.from(
            Assignments.run(
                Assignments.AGENT, "t-9", 3, "echo", "{\"a\":1}", Duration.ofSeconds(5)),
            new Cancellation());
    // THEN it carries the assignment and an idempotency key per attempt
    assertThat(context.idempotencyKey()).isEqualTo("t-9:3");
    assertThat(context.leaseId()).isEqualTo(Assignments.lease("t-9", 3));
    assertThat(context.timeoutIfAny()).hasValue(Duration.ofSeconds(5));
    assertThat(context.payload().path("a").asInt()).isEqualTo(1);
  }

  @Test
  void shouldNotAllowNullCancellationWhenBuilt() {
    assertThatThrownBy(() -> TaskContext.from(Assignments.run("t", "echo", null), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cancellation can't be null");
  }
}
