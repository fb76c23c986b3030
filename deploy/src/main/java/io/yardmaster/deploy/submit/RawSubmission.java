package io.yardmaster.deploy.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One submission as the user wrote it, before validation, with where it came from (for messages
 * such as {@code tasks.jsonl line 3}).
 */
public record RawSubmission(String source, JsonNode json) {
  public RawSubmission {
    Objects.requireNonNull(source, "source can't be null");
    Objects.requireNonNull(json, "json can't be null");
  }

  /** The compact JSON text, as it goes on the topic. */
  public byte[] bytes() {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The id as written, or null when there is none or it is not text. */
  public String id() {
    JsonNode id = json.get("id");
    return id != null && id.isTextual() ? id.asText() : null;
  }
}
