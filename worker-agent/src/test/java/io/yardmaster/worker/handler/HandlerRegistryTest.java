package io.yardmaster.worker.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.worker.handler.builtin.EchoHandler;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerRegistryTest {

  @Test
  void shouldFindBuiltInHandlersWhenDiscoveredWithServiceLoader() {
    // GIVEN the class path WHEN handlers are discovered
    HandlerRegistry registry = HandlerRegistry.discover(HandlerSettings.defaults(), null);
    // THEN every built-in type is there
    assertThat(registry.types()).contains("noop", "sleep", "echo", "command", "http");
    assertThat(registry.find("echo")).get().isInstanceOf(EchoHandler.class);
    assertThat(registry.find("no-such-type")).isEmpty();
    assertThat(registry.find(null)).isEmpty();
  }

  @Test
  void shouldRefuseTwoHandlersWhenTheyShareAType() {
    // GIVEN two handlers for echo WHEN registered THEN the setup fails naming the type
    assertThatThrownBy(
            () ->
                HandlerRegistry.of(
                    HandlerSettings.defaults(), List.of(new EchoHandler(), new EchoHandler())))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'echo'");
  }

  @Test
  void shouldRefuseHandlersDirWhenItIsNotADirectory(@TempDir Path dir) {
    // GIVEN a path that is not a directory WHEN used as handlers dir THEN it names the option
    assertThatThrownBy(
            () -> HandlerRegistry.discover(HandlerSettings.defaults(), dir.resolve("missing")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("--handlers-dir");
  }

  @Test
  void shouldLoadNothingExtraWhenHandlersDirIsEmpty(@TempDir Path dir) {
    // GIVEN an empty handlers dir WHEN discovered THEN the built-ins are still all there
    assertThat(HandlerRegistry.discover(HandlerSettings.defaults(), dir).types()).hasSize(5);
  }
}
