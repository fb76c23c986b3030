package io.yardmaster.deploy.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.yardmaster.deploy.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pools of a local run from a YAML file:
 *
 * <pre>
 * pools:
 *   - name: data-processing
 *     agents: 5
 *     slots: 2
 *     capabilities: [data_processing]
 *     strategy: least-loaded      # optional
 * </pre>
 */
public final class LocalConfigFile {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The file's layout. */
  record Layout(List<PoolEntry> pools) {}

  /** One pool as written in the file. */
  record PoolEntry(
      String name, Integer agents, Integer slots, List<String> capabilities, String strategy) {}

  private LocalConfigFile() {}

  public static List<PoolPlan> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException("--config " + file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException("--config " + file + ": cannot read it: " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  static List<PoolPlan> parse(String name, String yaml) {
    Layout layout;
    try {
      layout = YAML.readValue(yaml, Layout.class);
    } catch (UnrecognizedPropertyException e) {
      throw new BadInputException(
          name
              + ": unknown key '"
              + e.getPropertyName()
              + "' at "
              + path(e)
              + "; a pool takes name, agents, slots, capabilities and strategy",
          e);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null ? "" : " (near line " + e.getLocation().getLineNr() + ")";
      throw new BadInputException(
          name
              + where
              + ": not a valid pools file: "
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + ". Expected a 'pools:' list of entries with name, agents, slots, capabilities"
              + " and strategy.",
          e);
    }
    if (layout == null || layout.pools() == null || layout.pools().isEmpty()) {
      throw new BadInputException(name + ": lists no pools; add a 'pools:' list");
    }
    List<PoolPlan> plans = new ArrayList<>();
    for (int i = 0; i < layout.pools().size(); i++) {
      PoolEntry e = layout.pools().get(i);
      String at = name + ": pools[" + i + "]";
      if (e == null || e.name() == null || e.name().isBlank()) {
        throw new BadInputException(at + " needs a name");
      }
      try {
        plans.add(
            new PoolPlan(
                e.name(),
                e.agents() == null ? 1 : e.agents(),
                e.slots() == null ? 1 : e.slots(),
                e.capabilities() == null ? null : new java.util.LinkedHashSet<>(e.capabilities()),
                e.strategy()));
      } catch (BadInputException ex) {
        throw new BadInputException(at + ": " + ex.getMessage(), ex);
      }
    }
    return plans;
  }
}
