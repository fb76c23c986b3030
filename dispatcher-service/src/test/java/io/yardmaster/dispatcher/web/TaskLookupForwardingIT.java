package io.yardmaster.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.dispatcher.app.DispatcherService;
import io.yardmaster.dispatcher.config.DispatcherConfig;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.testing.SimulatedAgents;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.config.KafkaClientSettings;
import io.yardmaster.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two dispatcher instances share the pools' partitions; a task's live record lives in the store of
 * whichever owns its pool, and the other instance forwards the lookup to it.
 */
@ExtendWith(SharedKafkaBroker.class)
class TaskLookupForwardingIT {
  private static final List<String> POOLS = List.of("east", "west", "north", "south");

  @Test
  void shouldAnswerFromTheOwningInstanceWhenAskedOnEither(KafkaClientSettings kafka)
      throws Exception {
    // GIVEN two instances of one dispatcher, each serving its API, and agents for every pool
    Topics topics = new Topics("dash-forward.");
    DispatcherConfig config =
        DispatcherConfig.defaults(kafka, POOLS.stream().map(PoolConfig::of).toList())
            .withTopicPrefix(topics.prefix());
    List<SimulatedAgents> agents = new ArrayList<>();
    try (DispatcherService one = instance(config, "one");
        DispatcherService two = instance(config, "two")) {
      one.start();
      two.start();
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () ->
                  one.streams().state() == KafkaStreams.State.RUNNING
                      && two.streams().state() == KafkaStreams.State.RUNNING);
      POOLS.forEach(p -> agents.add(new SimulatedAgents(kafka, topics, p, 1, 2)));
      // WHEN a task of each pool dead-letters (so it stays in its pool's store)
      List<TaskSubmission> tasks =
          POOLS.stream()
              .map(
                  p ->
                      TaskSubmission.of("dl-" + p, SimulatedAgents.FAILING_TYPE)
                          .withPool(p)
                          .withRetries(0, Duration.ofMillis(10)))
              .toList();
      DashboardApiIT.submit(kafka, topics, tasks);
      ApiClient apiOne = new ApiClient(one.dashboard().port().orElseThrow());
      ApiClient apiTwo = new ApiClient(two.dashboard().port().orElseThrow());
      String addressOne = "127.0.0.1:" + one.dashboard().port().orElseThrow();
      String addressTwo = "127.0.0.1:" + two.dashboard().port().orElseThrow();
      // THEN each instance answers for every task: from its own store, or forwarded to the other
      for (TaskSubmission t : tasks) {
        await()
            .atMost(Duration.ofMinutes(1))
            .untilAsserted(
                () -> {
                  JsonNode a = apiOne.json("/api/tasks/" + t.id());
                  JsonNode b = apiTwo.json("/api/tasks/" + t.id());
                  assertThat(a.path("live").path("state").asText()).isEqualTo("DEAD_LETTERED");
                  assertThat(b.path("live").path("state").asText()).isEqualTo("DEAD_LETTERED");
                  List<String> owners = List.of(a.path("owner").asText(), b.path("owner").asText());
                  assertThat(owners)
                      .isIn(List.of("local", addressOne), List.of(addressTwo, "local"));
                });
      }
    } finally {
      for (SimulatedAgents a : agents) {
        a.close();
      }
    }
  }

  private static DispatcherService instance(DispatcherConfig config, String name)
      throws java.io.IOException {
    Path state = Files.createTempDirectory(Path.of("target"), "forward-" + name);
    return new DispatcherService(config.withStateDir(state), 1, true, WebOptions.loopback(0));
  }
}
