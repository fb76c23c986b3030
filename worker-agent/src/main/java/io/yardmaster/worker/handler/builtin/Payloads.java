package io.yardmaster.worker.handler.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.worker.handler.TaskFailureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads payload fields, failing the task (not retryable) with a clear message when one is bad. */
final class Payloads {
  static final String BAD_PAYLOAD = "bad-payload";

  private Payloads() {}

  static String requiredText(JsonNode payload, String field) {
    JsonNode node = payload.path(field);
    if (!node.isTextual() || node.asText().isBlank()) {
      throw bad("needs a text field '" + field + "'");
    }
    return node.asText();
  }

  static String optionalText(JsonNode payload, String field, String fallback) {
    JsonNode node = payload.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw bad("field '" + field + "' must be text");
    }
    return node.asText();
  }

  static long optionalLong(JsonNode payload, String field, long fallback) {
    JsonNode node = payload.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
      throw bad("field '" + field + "' must be a whole number >= 0");
    }
    return node.asLong();
  }

  static List<String> textList(JsonNode payload, String field) {
    JsonNode node = payload.path(field);
    List<String> values = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return values;
    }
    if (!node.isArray()) {
      throw bad("field '" + field + "' must be an array of text");
    }
    for (JsonNode item : node) {
      if (!item.isValueNode() || item.isNull()) {
        throw bad("field '" + field + "' must be an array of text");
      }
      values.add(item.asText());
    }
    return values;
  }

  static Map<String, String> textMap(JsonNode payload, String field) {
    JsonNode node = payload.path(field);
    Map<String, String> values = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      throw bad("field '" + field + "' must be an object of text values");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw bad("field '" + field + "." + e.getKey() + "' must be text");
      }
      values.put(e.getKey(), e.getValue().asText());
    }
    return values;
  }

  static TaskFailureException bad(String problem) {
    return TaskFailureException.permanent(BAD_PAYLOAD, "the payload " + problem);
  }
}
