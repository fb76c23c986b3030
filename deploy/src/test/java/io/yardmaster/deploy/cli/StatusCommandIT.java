package io.yardmaster.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.deploy.testing.Models;
import io.yardmaster.deploy.testing.TopicFixture;
import io.yardmaster.deploy.testing.YardRunner.Result;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.RejectedRecord;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.config.KafkaClientSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
class StatusCommandIT {
  private TopicFixture kafka;

  @BeforeEach
  void tasks(KafkaClientSettings settings) {
    // GIVEN tasks.state as a dispatcher would have written it: p-1 changed twice
    kafka = TopicFixture.create(settings, "data", "ai");
    kafka.write(
        kafka.topics().state(),
        Models.view("p-1", TaskState.RUNNING, "data"),
        Models.view("p-2", TaskState.SUCCEEDED, "data"),
        Models.view("p-3", TaskState.READY, "data"),
        Models.view("v-1", TaskState.WAITING, "ai"),
        Models.view("p-1", TaskState.SUCCEEDED, "data"));
  }

  @Test
  void shouldShowTheLatestViewWhenGivenATaskId() {
    // GIVEN / WHEN
    Result result = kafka.yard().run("status", "p-1");

    // THEN
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("id:         p-1")
        .contains("state:      SUCCEEDED")
        .contains("pool:       data")
        .contains("agent:      agent-1")
        .contains("priority:   level 5, value 1.00");
  }

  @Test
  void shouldCountTasksPerPoolAndStateWhenGivenNoId() {
    // GIVEN / WHEN
    Result result = kafka.yard().run("status");

    // THEN one row per pool, one column per state seen, and the totals
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "pool   WAITING  READY  SUCCEEDED  total",
            "ai           1      0          0      1",
            "data         0      1          2      3",
            "(all)        1      1          2      4");
  }

  @Test
  void shouldListTheTasksInAStateWhenAsked() {
    // GIVEN / WHEN
    Result result = kafka.yard().run("status", "--list", "--state", "succeeded");

    // THEN
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("p-1")
        .contains("p-2")
        .doesNotContain("p-3")
        .doesNotContain("v-1");
  }

  @Test
  void shouldSayHowToFindTasksWhenTheIdIsUnknown() {
    // GIVEN / WHEN
    Result result = kafka.yard().run("status", "P-1");

    // THEN one clear message and exit code 1
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("yard status: no task 'P-1' in " + kafka.prefix() + "tasks.state")
        .contains("ids are case-sensitive")
        .doesNotContain("Exception");
  }

  @Test
  void shouldGiveTheReasonsWhenTheTaskWasRejected() {
    // GIVEN a rejected submission
    kafka.write(
        kafka.topics().rejected(),
        new RejectedRecord(
            kafka.prefix() + "tasks.submit",
            0,
            7,
            "bad-1",
            "{}",
            List.of("ERROR type: is required"),
            Instant.now()));

    // WHEN
    Result result = kafka.yard().run("status", "bad-1");

    // THEN
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "task 'bad-1' was rejected by the dispatcher and never queued: ERROR type: is required");
  }
}
