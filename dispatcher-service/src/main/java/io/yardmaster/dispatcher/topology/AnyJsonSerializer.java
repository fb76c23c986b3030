package io.yardmaster.dispatcher.topology;

import io.yardmaster.model.json.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any outbound record as JSON with the shared mapper (the sink serves several topics). */
public final class AnyJsonSerializer implements Serializer<Object> {
  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    try {
      return Json.mapper().writeValueAsBytes(data);
    } catch (Exception e) {
      throw new SerializationException(
          "cannot write " + data.getClass().getSimpleName() + " for " + topic, e);
    }
  }
}
