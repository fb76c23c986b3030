package io.yardmaster.worker.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {

  @Test
  void shouldRunListenersOnceWhenCancelledTwice() {
    // GIVEN a listener
    Cancellation cancellation = new Cancellation();
    AtomicInteger calls = new AtomicInteger();
    cancellation.onCancel(calls::incrementAndGet);
    // WHEN cancelled twice
    cancellation.cancel();
    cancellation.cancel();
    // THEN it ran once and the signal stays fired
    assertThat(calls).hasValue(1);
    assertThat(cancellation.isCancelled()).isTrue();
    assertThatThrownBy(cancellation::throwIfCancelled).isInstanceOf(CancellationException.class);
  }

  @Test
  void shouldRunListenerAtOnceWhenAlreadyCancelled() {
    // GIVEN a fired signal WHEN a listener registers THEN it runs at once
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();
    AtomicInteger calls = new AtomicInteger();
    cancellation.onCancel(calls::incrementAndGet);
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldNotRunListenerWhenRemovedBeforeCancel() throws Exception {
    // GIVEN a listener removed WHEN cancelled THEN it does not run
    Cancellation cancellation = new Cancellation();
    AtomicInteger calls = new AtomicInteger();
    cancellation.onCancel(calls::incrementAndGet).close();
    cancellation.cancel();
    assertThat(calls).hasValue(0);
    assertThat(cancellation.await(Duration.ZERO)).isTrue();
  }
}
