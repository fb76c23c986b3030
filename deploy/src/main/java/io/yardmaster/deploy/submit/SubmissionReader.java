package io.yardmaster.deploy.submit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardmaster.deploy.BadInputException;
import io.yardmaster.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads submissions from a file or a stream: a JSON array of tasks, JSON lines (one task per line),
 * or task objects one after another. Each keeps its line number for messages.
 */
public final class SubmissionReader {
  private static final ObjectMapper MAPPER = Json.mapper();

  private SubmissionReader() {}

  /** Reads a file; {@code -} reads {@code stdin}. */
  public static List<RawSubmission> read(Path file, InputStream stdin) {
    if (file.toString().equals("-")) {
      return read("stdin", stdin);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          "cannot read "
              + file
              + ": no such file. Give the path of a JSON or JSON-lines file, or"
              + " '-' to read the tasks from stdin.");
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads every task object of {@code in}; {@code name} appears in messages. */
  public static List<RawSubmission> read(String name, InputStream in) {
    List<RawSubmission> tasks = new ArrayList<>();
    try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_ARRAY) {
        int item = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          item++;
          if (token == null) {
            throw new BadInputException(name + ": the JSON array is not closed with ']'");
          }
          tasks.add(readObject(name, parser, token, "item " + item + ", "));
        }
        token = parser.nextToken();
        if (token != null) {
          throw new BadInputException(
              where(name, parser.currentTokenLocation(), "")
                  + ": unexpected content after the JSON array");
        }
      } else {
        while (token != null) {
          tasks.add(readObject(name, parser, token, ""));
          token = parser.nextToken();
        }
      }
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          where(name, e.getLocation(), "")
              + ": not valid JSON: "
              + firstLine(e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + name + ": " + e.getMessage(), e);
    }
    if (tasks.isEmpty()) {
      throw new BadInputException(
          name
              + " holds no task; write one JSON object per task, e.g. "
              + "{\"id\": \"t-1\", \"type\": \"sleep\", \"payload\": {\"ms\": 100}}");
    }
    return tasks;
  }

  private static RawSubmission readObject(
      String name, JsonParser parser, JsonToken token, String itemPrefix) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    if (token != JsonToken.START_OBJECT) {
      throw new BadInputException(
          where(name, at, itemPrefix)
              + ": expected a task object {...}, found "
              + describe(token, parser));
    }
    JsonNode node = MAPPER.readTree(parser);
    return new RawSubmission(where(name, at, itemPrefix), node);
  }

  private static String where(String name, JsonLocation at, String itemPrefix) {
    if (at == null || at.getLineNr() < 1) {
      return name;
    }
    return name + " " + itemPrefix + "line " + at.getLineNr();
  }

  private static String describe(JsonToken token, JsonParser parser) throws IOException {
    return switch (token) {
      case START_ARRAY -> "a list [...]";
      case VALUE_STRING -> "the text \"" + parser.getText() + "\"";
      default -> "'" + parser.getText() + "'";
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    return message.lines().findFirst().orElse(message);
  }
}
