package io.yardmaster.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.deploy.testing.YardRunner;
import io.yardmaster.deploy.testing.YardRunner.Result;
import io.yardmaster.kafka.testing.SharedKafkaBroker;
import io.yardmaster.model.config.KafkaClientSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The errors a user meets first: no Kafka there, or no topics yet. */
@ExtendWith(SharedKafkaBroker.class)
class YardErrorsIT {
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }

  @Test
  void shouldSayWhatToDoWithinFifteenSecondsWhenNoBrokerListens() throws IOException {
    // GIVEN an address where nothing listens
    String nowhere = "127.0.0.1:" + closedPort();

    // WHEN asking for the status with the default timeouts
    Result result = YardRunner.kafka(nowhere, "yard.").run("status");

    // THEN a clear message, exit code 3, well within 15 s
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err())
        .startsWith("yard status: Kafka at " + nowhere + " did not answer within 10 s")
        .contains("Is a broker running there?")
        .contains("--bootstrap-servers")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(result.took()).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void shouldNotHangWhenTheBrokerIsUnreachableWhileSubmitting() throws IOException {
    // GIVEN an address where nothing listens
    String nowhere = "127.0.0.1:" + closedPort();

    // WHEN submitting a valid task
    Result result =
        YardRunner.kafka(nowhere, "yard.")
            .run("submit", "--type", "noop", "--kafka-timeout", "PT2S");

    // THEN
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("did not answer within 2 s");
    assertThat(result.took()).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void shouldPointToTopicsEnsureWhenTheTopicsAreMissing(KafkaClientSettings kafka) {
    // GIVEN a running broker but a prefix with no topics
    YardRunner yard = YardRunner.kafka(kafka.bootstrapServers(), "missing.");

    // WHEN
    Result result = yard.run(List.of("dlq", "list"));

    // THEN
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err())
        .contains("topic missing.tasks.dlq does not exist at " + kafka.bootstrapServers())
        .contains("'yard topics ensure'")
        .contains("--topic-prefix");
  }

  @Test
  void shouldRefuseAnUnusableBootstrapAddressWhenGiven() {
    // GIVEN / WHEN
    Result result = YardRunner.kafka("no-port-here", "yard.").run("pools");

    // THEN
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot set up a Kafka client for no-port-here");
  }
}
