package io.yardmaster.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void shouldMoveOnlyForwardsWhenAskedToGoBack() throws InterruptedException {
    // GIVEN a draining agent
    Lifecycle lifecycle = new Lifecycle();
    assertThat(lifecycle.moveTo(LifecycleState.RUNNING)).isTrue();
    assertThat(lifecycle.isAcceptingWork()).isTrue();
    assertThat(lifecycle.moveTo(LifecycleState.DRAINING)).isTrue();
    // WHEN asked to go back or to drain again THEN it refuses
    assertThat(lifecycle.moveTo(LifecycleState.RUNNING)).isFalse();
    assertThat(lifecycle.moveTo(LifecycleState.DRAINING)).isFalse();
    assertThat(lifecycle.isAcceptingWork()).isFalse();
    // AND stopping releases those waiting for it
    assertThat(lifecycle.awaitStopped(Duration.ZERO)).isFalse();
    assertThat(lifecycle.moveTo(LifecycleState.STOPPED)).isTrue();
    assertThat(lifecycle.awaitStopped(Duration.ZERO)).isTrue();
  }
}
