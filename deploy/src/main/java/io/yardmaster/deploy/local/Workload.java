package io.yardmaster.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardmaster.deploy.submit.RawSubmission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The tasks a local run submits and waits for, under a name for the progress headline. */
public record Workload(String name, List<RawSubmission> tasks) {
  public Workload {
    Objects.requireNonNull(name, "name can't be null");
    tasks = List.copyOf(tasks);
  }

  public static Workload none() {
    return new Workload("no workload", List.of());
  }

  public boolean isEmpty() {
    return tasks.isEmpty();
  }

  /** These tasks followed by {@code more}'s. */
  public Workload plus(Workload more) {
    List<RawSubmission> all = new ArrayList<>(tasks);
    all.addAll(more.tasks());
    return new Workload(isEmpty() ? more.name() : name + " + " + more.name(), all);
  }

  public List<String> ids() {
    return tasks.stream().map(RawSubmission::id).toList();
  }

  /** The pool each task names, or null when it names none. */
  public String poolOf(RawSubmission task) {
    JsonNode pool = task.json().get("pool");
    return pool != null && pool.isTextual() ? pool.asText() : null;
  }

  /** Each task's dependencies, by task id. */
  public Map<String, List<String>> dependencies() {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    for (RawSubmission task : tasks) {
      List<String> list = new ArrayList<>();
      JsonNode node = task.json().get("dependencies");
      if (node != null && node.isArray()) {
        node.forEach(d -> list.add(d.asText()));
      }
      deps.put(task.id(), list);
    }
    return deps;
  }
}
