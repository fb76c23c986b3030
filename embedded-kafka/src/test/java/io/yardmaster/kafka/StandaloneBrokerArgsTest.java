package io.yardmaster.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StandaloneBrokerArgsTest {

  @Test
  void shouldReadEveryOptionWhenAllAreGiven() {
    // GIVEN / WHEN a full command line
    StandaloneBroker.Args args =
        StandaloneBroker.Args.parse("--data-dir", "work/kafka", "--port", "19092", "--keep-data");

    // THEN each option is read, and the cluster keeps its data under D/kafka-data
    assertThat(args.dataDir()).isEqualTo(Path.of("work/kafka").toAbsolutePath());
    assertThat(args.port()).isEqualTo(19092);
    assertThat(args.keepData()).isTrue();
    ClusterOptions options = args.clusterOptions();
    assertThat(options.dataDir()).isEqualTo(args.dataDir().resolve("kafka-data"));
    assertThat(options.firstBrokerPort()).isEqualTo(19092);
    assertThat(options.deleteOnClose()).isFalse();
  }

  @Test
  void shouldUseAFreePortAndDeleteTheDataWhenOnlyTheFolderIsGiven() {
    // GIVEN / WHEN only --data-dir
    StandaloneBroker.Args args = StandaloneBroker.Args.parse("--data-dir", "d");

    // THEN a free port and a clean stop
    assertThat(args.port()).isZero();
    assertThat(args.clusterOptions().deleteOnClose()).isTrue();
  }

  @Test
  void shouldExplainWhenTheCommandLineIsWrong() {
    // GIVEN / WHEN wrong command lines / THEN each error says what is wrong
    assertThatThrownBy(() -> StandaloneBroker.Args.parse()).hasMessage("--data-dir is required");
    assertThatThrownBy(() -> StandaloneBroker.Args.parse("--data-dir"))
        .hasMessage("--data-dir needs a value");
    assertThatThrownBy(() -> StandaloneBroker.Args.parse("--data-dir", "d", "--port", "x"))
        .hasMessage("--port must be a number, was x");
    assertThatThrownBy(() -> StandaloneBroker.Args.parse("--data-dir", "d", "--port", "70000"))
        .hasMessage("--port must be 0-65535, was 70000");
    assertThatThrownBy(() -> StandaloneBroker.Args.parse("--verbose"))
        .hasMessage("unknown option --verbose");
  }
}
