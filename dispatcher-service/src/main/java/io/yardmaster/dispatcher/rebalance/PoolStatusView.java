package io.yardmaster.dispatcher.rebalance;

import io.yardmaster.model.PoolStatus;
import io.yardmaster.model.json.Json;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest status of every pool in the global store {@value #STORE}, read from {@code
 * pools.status}, so each scheduler sees the pools other dispatcher instances schedule. A record it
 * cannot read is skipped: the view is advice, and the next status replaces it.
 */
public final class PoolStatusView implements Processor<String, byte[], Void, Void> {
  public static final String STORE = "pool-status-view";
  private static final Logger LOG = LoggerFactory.getLogger(PoolStatusView.class);

  private KeyValueStore<String, PoolStatus> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    try {
      store.put(record.key(), Json.mapper().readValue(record.value(), PoolStatus.class));
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("skipping an unreadable status of pool '{}': {}", record.key(), e.getMessage());
    }
  }
}
