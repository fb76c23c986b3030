package io.yardmaster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.config.InvalidSettingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerOptionsTest {

  @Test
  void shouldUseDefaultsWhenOnlyPoolIsGiven() {
    // GIVEN only a pool WHEN built
    WorkerOptions options = WorkerOptions.builder("etl").build();
    // THEN every other setting has its documented default
    assertThat(options.slots()).isEqualTo(WorkerOptions.DEFAULT_SLOTS);
    assertThat(options.topicPrefix()).isEqualTo("yard.");
    assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.metricsPort()).isZero();
    assertThat(options.commandAllowlist()).isEmpty();
    assertThat(options.kafka().bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(options.agentId()).endsWith("-etl-0");
    assertThat(options.groupId()).isEqualTo("yard.agent." + options.agentId());
  }

  @Test
  void shouldDeriveSameAgentIdWhenBuiltTwice() {
    // GIVEN the same host, pool and index WHEN built twice THEN the id is the same
    assertThat(WorkerOptions.builder("etl").index(2).build().agentId())
        .isEqualTo(WorkerOptions.builder("etl").index(2).build().agentId())
        .endsWith("-etl-2");
    assertThat(AgentIds.stable("My Host.local", "etl", 1)).isEqualTo("my-host.local-etl-1");
  }

  @Test
  void shouldNameSlotsWhenSlotsIsZero() {
    assertThatThrownBy(() -> WorkerOptions.builder("etl").slots(0).build())
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("--slots"))
        .hasMessageContaining("was 0");
  }

  @Test
  void shouldNamePoolWhenPoolIsMissingOrIllegal() {
    assertThatThrownBy(() -> WorkerOptions.builder(null).build())
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("--pool"));
    assertThatThrownBy(() -> WorkerOptions.builder("no spaces").build())
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("--pool"));
  }

  @Test
  void shouldNameTheSettingWhenAnyValueIsOutOfRange() {
    assertSetting(
        WorkerOptions.builder("p").heartbeatInterval(Duration.ofMillis(10)),
        "--heartbeat-interval");
    assertSetting(WorkerOptions.builder("p").metricsPort(70000), "--metrics-port");
    assertSetting(
        WorkerOptions.builder("p").drainTimeout(Duration.ofSeconds(-1)), "--drain-timeout");
    assertSetting(WorkerOptions.builder("p").weight(0), "--weight");
    assertSetting(WorkerOptions.builder("p").maxOutputBytes(10_000_000), "--max-output-bytes");
    assertSetting(WorkerOptions.builder("p").maxQueued(-1), "--max-queued");
    assertSetting(WorkerOptions.builder("p").topicPrefix("bad prefix"), "--topic-prefix");
    assertSetting(WorkerOptions.builder("p").agentId("has space"), "--agent-id");
    assertSetting(WorkerOptions.builder("p").index(-1), "--index");
  }

  @Test
  void shouldDropBlankEntriesWhenListsHaveThem() {
    WorkerOptions options =
        WorkerOptions.builder("p").capabilities(List.of(" gpu ", "", "ssd")).build();
    assertThat(options.capabilities()).containsExactlyInAnyOrder("gpu", "ssd");
  }

  private static void assertSetting(WorkerOptionsBuilder builder, String setting) {
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo(setting));
  }
}
