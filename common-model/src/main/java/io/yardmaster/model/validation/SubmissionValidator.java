package io.yardmaster.model.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardmaster.model.Priority;
import io.yardmaster.model.TaskSubmission;
import io.yardmaster.model.json.Json;
import io.yardmaster.model.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a raw submission and reports every problem at once, each naming its field. Works on the
 * JSON tree rather than the bound record, so one wrong type does not hide the other problems.
 */
public final class SubmissionValidator {
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
  public static final int DEFAULT_MAX_RECORD_BYTES = 256 * 1024;
  public static final int MAX_ID_LENGTH = 200;
  public static final int MAX_RETRIES_LIMIT = 100;
  public static final int MAX_DEPENDENCIES = 1000;

  private static final Pattern ID = Pattern.compile("[\\p{Graph}]+");
  private static final Set<String> KNOWN_FIELDS =
      Set.of(
          "id",
          "type",
          "payload",
          "pool",
          "priority",
          "requiredCapabilities",
          "dependencies",
          "maxRetries",
          "retryBackoff",
          "timeout",
          "estimatedDuration",
          "region",
          "regionRequired",
          "dropIfExpired",
          "labels",
          "zone",
          "pinned");
  private static final Set<String> PRIORITY_FIELDS =
      Set.of("level", "businessValue", "deadline", "urgencyMultiplier");

  private final int maxPayloadBytes;
  private final int maxRecordBytes;
  private final ObjectMapper mapper = Json.mapper();

  public SubmissionValidator() {
    this(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_RECORD_BYTES);
  }

  public SubmissionValidator(int maxPayloadBytes, int maxRecordBytes) {
    if (maxPayloadBytes <= 0 || maxRecordBytes <= 0) {
      throw new IllegalArgumentException("size limits must be > 0");
    }
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Validates a raw record value; {@code key} (may be null) must match the id when present. */
  public ValidationResult validate(String key, byte[] raw) {
    List<Problem> problems = new ArrayList<>();
    if (raw == null || raw.length == 0) {
      return new ValidationResult(
          List.of(Problem.error("(value)", "the record has no value")), null);
    }
    if (raw.length > maxRecordBytes) {
      return new ValidationResult(
          List.of(
              Problem.error(
                  "(value)",
                  "the record is " + raw.length + " bytes, over the limit of " + maxRecordBytes)),
          null);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(raw);
    } catch (IOException e) {
      return new ValidationResult(
          List.of(Problem.error("(value)", "not valid JSON: " + firstLine(e.getMessage()))), null);
    }
    if (tree == null || !tree.isObject()) {
      return new ValidationResult(List.of(Problem.error("(value)", "must be a JSON object")), null);
    }
    checkTree(key, (ObjectNode) tree, problems);
    if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return new ValidationResult(problems, null);
    }
    try {
      TaskSubmission task = mapper.treeToValue(tree, TaskSubmission.class);
      return new ValidationResult(problems, task);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      problems.add(
          Problem.error("(value)", "cannot be read as a task: " + firstLine(e.getMessage())));
      return new ValidationResult(problems, null);
    }
  }

  /** Validates an already-built submission (as {@code yard submit} does before sending it). */
  public ValidationResult validate(TaskSubmission task) {
    Objects.requireNonNull(task, "task can't be null");
    return validate(
        task.id(), mapper.valueToTree(task).toString().getBytes(StandardCharsets.UTF_8));
  }

  private void checkTree(String key, ObjectNode tree, List<Problem> problems) {
    tree.fieldNames()
        .forEachRemaining(
            f -> {
              if (!KNOWN_FIELDS.contains(f)) {
                problems.add(Problem.warning(f, "unknown field, ignored"));
              }
            });
    String id = requiredText(tree, "id", problems);
    if (id != null) {
      if (id.length() > MAX_ID_LENGTH) {
        problems.add(Problem.error("id", "longer than " + MAX_ID_LENGTH + " characters"));
      } else if (!ID.matcher(id).matches()) {
        problems.add(Problem.error("id", "must not contain spaces or control characters"));
      }
      if (key != null && !key.equals(id)) {
        problems.add(Problem.error("id", "'" + id + "' differs from the record key '" + key + "'"));
      }
    }
    requiredText(tree, "type", problems);
    checkPayload(tree.get("payload"), problems);
    String pool = optionalText(tree, "pool", problems);
    if (pool != null) {
      try {
        Topics.checkPoolName(pool);
      } catch (IllegalArgumentException e) {
        problems.add(Problem.error("pool", e.getMessage()));
      }
    }
    checkPriority(tree.get("priority"), problems);
    stringList(tree, "requiredCapabilities", problems);
    List<String> deps = stringList(tree, "dependencies", problems);
    if (deps != null) {
      if (id != null && deps.contains(id)) {
        problems.add(Problem.error("dependencies", "the task depends on itself ('" + id + "')"));
      }
      if (new HashSet<>(deps).size() != deps.size()) {
        problems.add(Problem.warning("dependencies", "lists a task more than once"));
      }
      if (deps.size() > MAX_DEPENDENCIES) {
        problems.add(Problem.error("dependencies", "more than " + MAX_DEPENDENCIES + " entries"));
      }
    }
    JsonNode retries = tree.get("maxRetries");
    if (retries != null && !retries.isNull()) {
      if (!retries.isIntegralNumber()) {
        problems.add(Problem.error("maxRetries", "must be a whole number"));
      } else if (!retries.canConvertToInt()
          || retries.asInt() < 0
          || retries.asInt() > MAX_RETRIES_LIMIT) {
        problems.add(
            Problem.error("maxRetries", "must be 0-" + MAX_RETRIES_LIMIT + ", was " + retries));
      }
    }
    checkDuration(tree, "retryBackoff", problems, false);
    checkDuration(tree, "timeout", problems, true);
    checkDuration(tree, "estimatedDuration", problems, false);
    optionalText(tree, "region", problems);
    optionalText(tree, "zone", problems);
    checkBoolean(tree, "regionRequired", problems);
    checkBoolean(tree, "dropIfExpired", problems);
    checkBoolean(tree, "pinned", problems);
    if (Boolean.TRUE.equals(asBoolean(tree.get("regionRequired")))
        && (tree.get("region") == null || tree.get("region").isNull())) {
      problems.add(Problem.error("regionRequired", "is true but no region is given"));
    }
    JsonNode labels = tree.get("labels");
    if (labels != null && !labels.isNull()) {
      if (!labels.isObject()) {
        problems.add(Problem.error("labels", "must be an object of text values"));
      } else {
        labels
            .fields()
            .forEachRemaining(
                e -> {
                  if (!e.getValue().isTextual()) {
                    problems.add(Problem.error("labels." + e.getKey(), "must be text"));
                  }
                });
      }
    }
  }

  private void checkPayload(JsonNode payload, List<Problem> problems) {
    if (payload == null) {
      return;
    }
    int size = payload.toString().getBytes(StandardCharsets.UTF_8).length;
    if (size > maxPayloadBytes) {
      problems.add(
          Problem.error(
              "payload", "is " + size + " bytes, over the limit of " + maxPayloadBytes + " bytes"));
    }
  }

  private static void checkPriority(JsonNode priority, List<Problem> problems) {
    if (priority == null || priority.isNull()) {
      return;
    }
    if (!priority.isObject()) {
      problems.add(
          Problem.error(
              "priority", "must be an object like {\"level\": 5, \"businessValue\": 1.0}"));
      return;
    }
    priority
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!PRIORITY_FIELDS.contains(f)) {
                problems.add(Problem.warning("priority." + f, "unknown field, ignored"));
              }
            });
    JsonNode level = priority.get("level");
    if (level != null && !level.isNull()) {
      if (!level.isIntegralNumber()) {
        problems.add(Problem.error("priority.level", "must be a whole number from 1 to 10"));
      } else if (!level.canConvertToInt()
          || level.asInt() < Priority.MIN_LEVEL
          || level.asInt() > Priority.MAX_LEVEL) {
        problems.add(Problem.error("priority.level", "must be from 1 to 10, was " + level));
      }
    }
    positiveNumber(priority, "businessValue", problems);
    positiveNumber(priority, "urgencyMultiplier", problems);
    JsonNode deadline = priority.get("deadline");
    if (deadline != null && !deadline.isNull()) {
      if (!deadline.isTextual()) {
        problems.add(
            Problem.error(
                "priority.deadline", "must be an ISO-8601 instant like 2026-12-04T18:00:00Z"));
      } else {
        try {
          Instant.parse(deadline.asText());
        } catch (DateTimeParseException e) {
          problems.add(
              Problem.error(
                  "priority.deadline",
                  "'"
                      + deadline.asText()
                      + "' is not an ISO-8601 instant like 2026-12-04T18:00:00Z"));
        }
      }
    }
  }

  private static void positiveNumber(JsonNode parent, String field, List<Problem> problems) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return;
    }
    if (!n.isNumber()) {
      problems.add(Problem.error("priority." + field, "must be a number"));
    } else if (!(n.asDouble() > 0) || Double.isInfinite(n.asDouble())) {
      problems.add(Problem.error("priority." + field, "must be greater than 0, was " + n));
    }
  }

  private static void checkDuration(
      ObjectNode tree, String field, List<Problem> problems, boolean mustBePositive) {
    JsonNode n = tree.get(field);
    if (n == null || n.isNull()) {
      return;
    }
    if (!n.isTextual()) {
      problems.add(Problem.error(field, "must be an ISO-8601 duration like PT30S"));
      return;
    }
    try {
      Duration d = Duration.parse(n.asText());
      if (d.isNegative() || (mustBePositive && d.isZero())) {
        problems.add(Problem.error(field, "must be " + (mustBePositive ? "positive" : ">= 0")));
      }
    } catch (DateTimeParseException e) {
      problems.add(
          Problem.error(field, "'" + n.asText() + "' is not an ISO-8601 duration like PT30S"));
    }
  }

  private static void checkBoolean(ObjectNode tree, String field, List<Problem> problems) {
    JsonNode n = tree.get(field);
    if (n != null && !n.isNull() && !n.isBoolean()) {
      problems.add(Problem.error(field, "must be true or false"));
    }
  }

  private static Boolean asBoolean(JsonNode n) {
    return n != null && n.isBoolean() ? n.asBoolean() : null;
  }

  private static String requiredText(ObjectNode tree, String field, List<Problem> problems) {
    JsonNode n = tree.get(field);
    if (n == null || n.isNull()) {
      problems.add(Problem.error(field, "is required"));
      return null;
    }
    if (!n.isTextual()) {
      problems.add(Problem.error(field, "must be text"));
      return null;
    }
    if (n.asText().isBlank()) {
      problems.add(Problem.error(field, "must not be empty"));
      return null;
    }
    return n.asText();
  }

  private static String optionalText(ObjectNode tree, String field, List<Problem> problems) {
    JsonNode n = tree.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      problems.add(Problem.error(field, "must be non-empty text"));
      return null;
    }
    return n.asText();
  }

  private static List<String> stringList(ObjectNode tree, String field, List<Problem> problems) {
    JsonNode n = tree.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      problems.add(Problem.error(field, "must be a list of text"));
      return null;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual() || e.asText().isBlank()) {
        problems.add(Problem.error(field + "[" + i + "]", "must be non-empty text"));
      } else {
        values.add(e.asText());
      }
    }
    return values;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
