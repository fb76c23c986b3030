package io.yardmaster.worker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.worker.handler.TaskContext;
import io.yardmaster.worker.handler.TaskHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task type {@code gate}: each task blocks until the test opens the gate, and the handler records
 * the order tasks started in and the most that ran at once.
 */
public final class GateHandler implements TaskHandler {
  public static final String TYPE = "gate";

  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private final List<String> started = new CopyOnWriteArrayList<>();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonNode handle(TaskContext context) throws InterruptedException {
    int now = running.incrementAndGet();
    maxRunning.accumulateAndGet(now, Math::max);
    started.add(context.taskId());
    try {
      gate.await();
      return null;
    } finally {
      running.decrementAndGet();
    }
  }

  public void open() {
    gate.countDown();
  }

  public int running() {
    return running.get();
  }

  public int maxRunning() {
    return maxRunning.get();
  }

  public List<String> started() {
    return List.copyOf(started);
  }
}
