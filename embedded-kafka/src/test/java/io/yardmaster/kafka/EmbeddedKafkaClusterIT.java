package io.yardmaster.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A three-node cluster of its own: loopback-only listeners, and a node that stops and returns. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedKafkaClusterIT {
  private EmbeddedKafkaCluster cluster;
  private Path dataDir;

  @BeforeAll
  void startThreeNodes() {
    cluster = EmbeddedKafkaCluster.withNodes(3).start();
    dataDir = cluster.dataDir();
  }

  @AfterAll
  void stopAndCheckTheFolderIsGone() {
    // GIVEN the running cluster / WHEN it is closed / THEN its data folder is deleted
    cluster.close();
    assertThat(dataDir).doesNotExist();
    assertThatThrownBy(cluster::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldBindEveryListenerToLoopbackOnlyWhenStarted() throws IOException {
    Assumptions.assumeTrue(ListeningSockets.available(), "needs Linux's /proc/net/tcp");
    // GIVEN the broker and controller ports of every node
    Set<Integer> ports = new HashSet<>();
    IntStream.range(0, 3)
        .forEach(i -> ports.addAll(List.of(cluster.brokerPort(i), cluster.controllerPort(i))));

    // WHEN the kernel's table of listening sockets is read
    List<ListeningSockets.Listener> ours =
        ListeningSockets.all().stream().filter(l -> ports.contains(l.port())).toList();

    // THEN each port has a listener, and every one of them is bound to 127.0.0.1
    assertThat(ours.stream().map(ListeningSockets.Listener::port)).containsAll(ports);
    assertThat(ours)
        .allSatisfy(l -> assertThat(l.address()).isEqualTo(InetAddress.getByName("127.0.0.1")));
  }

  @Test
  void shouldRefuseConnectionsWhenReachedThroughANonLoopbackAddress() throws IOException {
    // GIVEN every non-loopback address of this machine (there may be none)
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
      if (nic.isUp() && !nic.isLoopback()) {
        nic.inetAddresses()
            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .forEach(addresses::add);
      }
    }
    Assumptions.assumeFalse(addresses.isEmpty(), "no non-loopback address to try");

    // WHEN a client connects to the broker port through each of them
    // THEN the connection is refused
    for (InetAddress address : addresses) {
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress(address, cluster.brokerPort(0)), 2_000);
                }
              })
          .as("connect via %s", address)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void shouldAdvertiseLoopbackWhenClientsAskForTheNodes() throws Exception {
    // GIVEN / WHEN a client asks the cluster for its nodes
    Collection<Node> nodes;
    try (Admin admin = Admin.create(cluster.clientSettings().baseProperties())) {
      nodes = admin.describeCluster().nodes().get();
    }

    // THEN all three are there, each at 127.0.0.1 on its broker port
    assertThat(nodes).hasSize(3);
    assertThat(nodes).allSatisfy(n -> assertThat(n.host()).isEqualTo("127.0.0.1"));
    assertThat(nodes.stream().map(Node::port))
        .containsExactlyInAnyOrder(
            cluster.brokerPort(0), cluster.brokerPort(1), cluster.brokerPort(2));
  }

  @Test
  void shouldLoseNoRecordWhenANodeStopsAndComesBack() throws Exception {
    // GIVEN a topic with three replicas, two of them required in sync
    String topic = "replicated";
    try (Admin admin = Admin.create(cluster.clientSettings().baseProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 2, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
          .all()
          .get();
    }
    try (KafkaProducer<String, String> producer = producer()) {
      send(producer, topic, 0, 50);

      // WHEN node 2 stops, more records are written, and node 2 comes back
      cluster.stopNode(2);
      assertThat(cluster.isRunning(2)).isFalse();
      send(producer, topic, 50, 100);
      cluster.startNode(2);
      assertThat(cluster.isRunning(2)).isTrue();
      send(producer, topic, 100, 150);
    }

    // THEN every record can be read
    assertThat(countRecords(topic)).isEqualTo(150);
  }

  private KafkaProducer<String, String> producer() {
    Properties props = cluster.clientSettings().baseProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, String topic, int from, int to)
      throws Exception {
    for (int i = from; i < to; i++) {
      producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
    }
  }

  private long countRecords(String topic) {
    Properties props = cluster.clientSettings().baseProperties();
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long[] count = {0};
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                count[0] += consumer.poll(Duration.ofMillis(200)).count();
                return count[0] >= 150;
              });
      return count[0];
    }
  }

  @Test
  void shouldKeepTheDataFolderUnderTargetWhenNoneIsGiven() {
    // GIVEN / WHEN the cluster chose its own folder
    // THEN it is under this module's target folder, with one folder per node
    assertThat(dataDir.toAbsolutePath()).startsWith(Path.of("target").toAbsolutePath());
    assertThat(Files.isDirectory(dataDir.resolve("node-0"))).isTrue();
    assertThat(Files.isDirectory(dataDir.resolve("node-2"))).isTrue();
  }
}
