package io.yardmaster.worker.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardmaster.model.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * Keeps task output small: output whose JSON is over the limit is replaced by {@code {"truncated":
 * true, "originalBytes": N, "head": "<the start of the JSON text>"}}.
 */
final class OutputLimiter {
  private OutputLimiter() {}

  static JsonNode limit(JsonNode output, int maxBytes) {
    if (output == null || output.isNull() || output.isMissingNode()) {
      return null;
    }
    String json;
    try {
      json = Json.mapper().writeValueAsString(output);
    } catch (JsonProcessingException e) {
      return Json.mapper().createObjectNode().put("unwritable", e.getOriginalMessage());
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return output;
    }
    ObjectNode cut = Json.mapper().createObjectNode();
    cut.put("truncated", true);
    cut.put("originalBytes", bytes.length);
    cut.put("head", headOf(json, maxBytes));
    return cut;
  }

  /** The longest start of {@code text} that is at most {@code maxBytes} in UTF-8. */
  private static String headOf(String text, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end);
  }
}
