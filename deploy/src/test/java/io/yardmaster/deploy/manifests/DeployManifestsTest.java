package io.yardmaster.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.yardmaster.deploy.cli.YardMain;
import io.yardmaster.dispatcher.app.DispatcherMain;
import io.yardmaster.dispatcher.scaling.DesiredAgents;
import io.yardmaster.dispatcher.scaling.ScalingOptions;
import io.yardmaster.dispatcher.scaling.ScalingSpecParser;
import io.yardmaster.worker.WorkerMain;
import io.yardmaster.worker.config.WorkerCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kubernetes manifests and the compose file parse, run the product's real main classes with
 * options those classes accept, and agree with each other on pools, topics, ports and metrics.
 */
class DeployManifestsTest {
  private static final String IMAGE = "yardmaster/yardmaster:0.1.0";
  private static final String DESIRED_METRIC = DesiredAgents.METRIC.replace('.', '_');
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<JsonNode> k8s;
  private static JsonNode compose;

  @BeforeAll
  static void read() throws IOException {
    k8s = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("k8s"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        YAML.readerFor(JsonNode.class)
            .<JsonNode>readValues(f.toFile())
            .forEachRemaining(
                doc -> {
                  if (doc != null && !doc.isEmpty()) {
                    k8s.add(doc);
                  }
                });
      }
    }
    compose = YAML.readTree(Path.of("compose", "compose.yaml").toFile());
  }

  private static List<JsonNode> kind(String kind) {
    return k8s.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  private static JsonNode named(String kind, String name) {
    return kind(kind).stream()
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static JsonNode container(JsonNode workload) {
    JsonNode pod = workload.path("spec").path("template").path("spec");
    assertThat(pod.path("containers")).hasSize(1);
    return pod.path("containers").get(0);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The values of a repeatable option. */
  private static List<String> values(List<String> args, String option) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size() - 1; i++) {
      if (args.get(i).equals(option)) {
        out.add(args.get(i + 1));
      }
    }
    return out;
  }

  /** Checks the main class and its options with the class's own parser; returns the options. */
  private static List<String> checkRuns(List<String> command, Class<?> main, Object options) {
    assertThat(command.get(0)).isEqualTo(main.getName());
    List<String> args = command.subList(1, command.size());
    new CommandLine(options).parseArgs(args.toArray(String[]::new));
    return args;
  }

  private static Map<String, ScalingOptions> scaling(List<String> dispatcherArgs) {
    Map<String, ScalingOptions> out = new LinkedHashMap<>();
    for (String s : values(dispatcherArgs, "--scale")) {
      String[] kv = s.split("=", 2);
      out.put(kv[0], ScalingSpecParser.parse(kv[1]));
    }
    return out;
  }

  private static List<String> pools(List<String> dispatcherArgs) {
    return values(dispatcherArgs, "--pool").stream().map(p -> p.split(":")[0]).toList();
  }

  @Test
  void shouldRunTheDispatcherWithValidOptionsAndExposeItsMetricsPort() {
    JsonNode d = named("Deployment", "yard-dispatcher");
    JsonNode c = container(d);
    assertThat(c.path("image").asText()).isEqualTo(IMAGE);
    List<String> args =
        checkRuns(strings(c.path("args")), DispatcherMain.class, new DispatcherMain());
    assertThat(pools(args)).containsExactly("cpu", "gpu");
    assertThat(scaling(args)).containsOnlyKeys("cpu", "gpu");
    // the Service reaches the container's metrics port, which Prometheus scrapes
    JsonNode port = c.path("ports").get(0);
    JsonNode svc = named("Service", "yard-dispatcher");
    assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asText())
        .isEqualTo(port.path("name").asText());
    assertThat(
            d.path("spec")
                .path("template")
                .path("metadata")
                .path("annotations")
                .path("prometheus.io/port")
                .asText())
        .isEqualTo(port.path("containerPort").asText());
    assertThat(svc.path("spec").path("selector"))
        .isEqualTo(d.path("spec").path("selector").path("matchLabels"));
  }

  @Test
  void shouldRunOneWorkerDeploymentPerPoolScaledOnItsDesiredCount() {
    List<String> dispatcher =
        strings(container(named("Deployment", "yard-dispatcher")).path("args"));
    Map<String, ScalingOptions> scaling = scaling(dispatcher);
    for (String pool : pools(dispatcher)) {
      JsonNode w = named("Deployment", "yard-worker-" + pool);
      JsonNode c = container(w);
      assertThat(c.path("image").asText()).isEqualTo(IMAGE);
      List<String> args = checkRuns(strings(c.path("args")), WorkerMain.class, new WorkerCommand());
      assertThat(values(args, "--pool")).containsExactly(pool);
      // the pod's grace period outlasts the agent's drain
      long drainS = Long.parseLong(values(args, "--drain-timeout").get(0).replace("s", ""));
      assertThat(
              w.path("spec")
                  .path("template")
                  .path("spec")
                  .path("terminationGracePeriodSeconds")
                  .asLong())
          .isGreaterThan(drainS);
      // KEDA scales it to the pool's desired agents gauge, within the pool's bounds
      JsonNode so = named("ScaledObject", "yard-worker-" + pool);
      assertThat(so.path("spec").path("scaleTargetRef").path("name").asText())
          .isEqualTo("yard-worker-" + pool);
      assertThat(so.path("spec").path("minReplicaCount").asInt())
          .isEqualTo(scaling.get(pool).min());
      assertThat(so.path("spec").path("maxReplicaCount").asInt())
          .isEqualTo(scaling.get(pool).max());
      JsonNode trigger = so.path("spec").path("triggers").get(0);
      assertThat(trigger.path("type").asText()).isEqualTo("prometheus");
      assertThat(trigger.path("metadata").path("query").asText())
          .contains(DESIRED_METRIC + "{" + DesiredAgents.POOL_TAG + "=\"" + pool + "\"}");
      assertThat(trigger.path("metadata").path("threshold").asText()).isEqualTo("1");
    }
  }

  @Test
  void shouldCreateEveryPoolsTopicsWithTheDispatchersPartitions() {
    List<String> dispatcher =
        strings(container(named("Deployment", "yard-dispatcher")).path("args"));
    JsonNode job = named("Job", "yard-topics");
    JsonNode c = container(job);
    assertThat(c.path("image").asText()).isEqualTo(IMAGE);
    List<String> command = strings(c.path("args"));
    assertThat(command.subList(0, 3)).containsExactly(YardMain.class.getName(), "topics", "ensure");
    assertThat(values(command, "--pool")).containsExactlyElementsOf(pools(dispatcher));
    assertThat(values(command, "--partitions")).isEqualTo(values(dispatcher, "--partitions"));
    // every process reads the same Kafka settings
    JsonNode config = named("ConfigMap", "yard-kafka");
    assertThat(config.path("data").path("YARD_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
    for (JsonNode w : kind("Deployment")) {
      assertThat(container(w).path("envFrom").get(0).path("configMapRef").path("name").asText())
          .isEqualTo("yard-kafka");
    }
  }

  @Test
  void shouldComposeTheOfficialKafkaImageAndTheProductsProcesses() {
    JsonNode services = compose.path("services");
    JsonNode kafka = services.path("kafka");
    assertThat(kafka.path("image").asText()).startsWith("apache/kafka:4.");
    String advertised = kafka.path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
    assertThat(advertised).contains("PLAINTEXT://kafka:9092");
    List<String> dispatcher =
        checkRuns(
            strings(services.path("dispatcher").path("command")),
            DispatcherMain.class,
            new DispatcherMain());
    for (String pool : pools(dispatcher)) {
      JsonNode w = services.path("worker-" + pool);
      assertThat(w.path("image").asText()).isEqualTo(IMAGE);
      List<String> args =
          checkRuns(strings(w.path("command")), WorkerMain.class, new WorkerCommand());
      assertThat(values(args, "--pool")).containsExactly(pool);
    }
    List<String> topics = strings(services.path("topics").path("command"));
    assertThat(values(topics, "--pool")).containsExactlyElementsOf(pools(dispatcher));
    services.forEach(
        s -> {
          if (s.path("image").asText().equals(IMAGE)) {
            assertThat(s.path("environment").path("YARD_BOOTSTRAP_SERVERS").asText())
                .isEqualTo("kafka:9092");
          }
        });
  }

  @Test
  void shouldBuildTheImageTheManifestsName() throws IOException {
    String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
    assertThat(dockerfile).contains("-t " + IMAGE).contains("deploy/target/lib/");
  }
}
