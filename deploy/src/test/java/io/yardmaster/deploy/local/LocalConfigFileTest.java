package io.yardmaster.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.deploy.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigFileTest {
  @Test
  void shouldReadThePoolsWhenTheFileIsValid(@TempDir Path dir) throws Exception {
    // GIVEN a YAML file with two pools, one in flow style
    Path file =
        Files.writeString(
            dir.resolve("pools.yaml"),
            """
            pools:
              - name: data-processing
                agents: 5
                slots: 2
                capabilities: [data_processing]
              - {name: gpu, agents: 2, slots: 4, capabilities: [cuda, ml], strategy: round-robin}
            """);

    // WHEN reading it
    List<PoolPlan> pools = LocalConfigFile.read(file);

    // THEN both pools come back as written
    assertThat(pools)
        .containsExactly(
            PoolPlan.parse("data-processing:5:2:data_processing"),
            PoolPlan.parse("gpu:2:4:cuda,ml:round-robin"));
  }

  @Test
  void shouldNameTheEntryWhenAPoolIsWrong() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(
            () ->
                LocalConfigFile.parse(
                    "pools.yaml", "pools:\n  - {name: a}\n  - {name: b, agents: 0}\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pools.yaml: pools[1]: pool b: agents must be 1-50, was 0");
  }

  @Test
  void shouldNameTheKeyAndWhereWhenAKeyIsUnknown() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(
            () -> LocalConfigFile.parse("pools.yaml", "pools:\n  - name: a\n    slot: 3\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "pools.yaml: unknown key 'slot' at pools[0].slot; a pool takes name, agents, slots,"
                + " capabilities and strategy");
  }

  @Test
  void shouldNameTheLineWhenTheYamlIsBroken() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> LocalConfigFile.parse("pools.yaml", "pools:\n  - name: [a\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("pools.yaml (near line ")
        .hasMessageContaining(": not a valid pools file: ");
  }

  @Test
  void shouldRefuseWhenNoPoolIsListed() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> LocalConfigFile.parse("pools.yaml", "pools: []\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pools.yaml: lists no pools; add a 'pools:' list");
  }

  @Test
  void shouldSayWhenTheFileIsMissing(@TempDir Path dir) {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> LocalConfigFile.read(dir.resolve("none.yaml")))
        .isInstanceOf(BadInputException.class)
        .hasMessageEndingWith("none.yaml: no such file");
  }
}
