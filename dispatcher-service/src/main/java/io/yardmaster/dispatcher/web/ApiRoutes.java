package io.yardmaster.dispatcher.web;

import com.sun.net.httpserver.HttpExchange;
import io.yardmaster.dispatcher.web.view.HistoryRing;
import io.yardmaster.model.ControlCommand;
import io.yardmaster.model.TaskExplanation;
import io.yardmaster.model.TaskState;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JSON API under {@code /api}: reads with GET, operator commands with POST.
 *
 * <pre>
 * GET  /api/overview | /api/pools | /api/agents | /api/dlq | /api/history
 * GET  /api/tasks/{id}                     view, live record and events; 404 when unknown
 * GET  /api/tasks/{id}/explain             why it is not running, from the dispatcher's state
 * POST /api/tasks/{id}/cancel              queued or running tasks
 * POST /api/dlq/{id}/replay                dead-lettered tasks
 * GET  /api/internal/records/{id}?pool=p   this instance's store only (for forwarded lookups)
 * </pre>
 */
final class ApiRoutes {
  private final DashboardApi api;
  private final HistoryRing history;
  private final WebOptions options;
  private final TaskLookup lookup;
  private final ControlSender control;
  private final CommandGuard guard;
  private final ExplainRequests explain;

  ApiRoutes(
      DashboardApi api,
      HistoryRing history,
      WebOptions options,
      TaskLookup lookup,
      ControlSender control,
      ExplainRequests explain) {
    this.api = api;
    this.history = history;
    this.options = options;
    this.lookup = lookup;
    this.control = control;
    this.guard = new CommandGuard(options);
    this.explain = explain;
  }

  void handle(HttpExchange exchange) throws IOException {
    List<String> path = segments(exchange.getRequestURI().getRawPath());
    String method = exchange.getRequestMethod();
    if ("GET".equals(method)) {
      get(exchange, path);
    } else if ("POST".equals(method)) {
      post(exchange, path);
    } else {
      HttpResponses.error(exchange, 405, "method " + method + " is not allowed");
    }
  }

  private void get(HttpExchange exchange, List<String> path) throws IOException {
    String first = path.size() > 1 ? path.get(1) : "";
    if (path.size() == 2) {
      Object body =
          switch (first) {
            case "overview" -> api.overview();
            case "pools" -> api.pools();
            case "agents" -> api.agents();
            case "dlq" -> api.deadLetters();
            case "history" ->
                new ApiModels.History(options.historyInterval().toMillis(), history.samples());
            default -> null;
          };
      if (body != null) {
        HttpResponses.json(exchange, 200, body);
        return;
      }
    } else if (path.size() == 3 && first.equals("tasks")) {
      String id = path.get(2);
      Optional<ApiModels.TaskDetail> task = api.task(id);
      if (task.isPresent()) {
        HttpResponses.json(exchange, 200, task.get());
      } else {
        HttpResponses.error(exchange, 404, "no task with id '" + id + "'");
      }
      return;
    } else if (path.size() == 4 && first.equals("tasks") && path.get(3).equals("explain")) {
      explain(exchange, path.get(2));
      return;
    } else if (path.size() == 4 && first.equals("internal") && path.get(2).equals("records")) {
      internalRecord(exchange, path.get(3));
      return;
    }
    notFound(exchange);
  }

  private void explain(HttpExchange exchange, String id) throws IOException {
    Optional<TaskExplanation> answer;
    try {
      answer = explain.explain(id);
    } catch (RuntimeException e) {
      HttpResponses.error(exchange, 503, "cannot ask the dispatcher: " + e.getMessage());
      return;
    }
    if (answer.isEmpty()) {
      HttpResponses.error(exchange, 504, "no answer from the dispatcher in time");
    } else if (answer.get().reason() == TaskExplanation.Reason.UNKNOWN_TASK) {
      HttpResponses.error(exchange, 404, answer.get().summary());
    } else {
      HttpResponses.json(exchange, 200, answer.get());
    }
  }

  private void internalRecord(HttpExchange exchange, String id) throws IOException {
    String pool = query(exchange, "pool");
    var record = pool == null || lookup == null ? Optional.empty() : lookup.local(id, pool);
    if (record.isPresent()) {
      HttpResponses.json(exchange, 200, record.get());
    } else {
      HttpResponses.error(exchange, 404, "no record of task '" + id + "' in this instance's store");
    }
  }

  private void post(HttpExchange exchange, List<String> path) throws IOException {
    exchange.getRequestBody().readAllBytes();
    boolean cancel =
        path.size() == 4 && path.get(1).equals("tasks") && path.get(3).equals("cancel");
    boolean replay = path.size() == 4 && path.get(1).equals("dlq") && path.get(3).equals("replay");
    if (!cancel && !replay) {
      notFound(exchange);
      return;
    }
    Optional<ApiModels.ErrorMessage> refusal = guard.refusal(exchange.getRequestHeaders());
    if (refusal.isPresent()) {
      HttpResponses.json(exchange, refusal.get().status(), refusal.get());
      return;
    }
    String id = path.get(2);
    if (cancel) {
      Optional<TaskState> state = api.currentState(id);
      if (state.isEmpty()) {
        HttpResponses.error(exchange, 404, "no task with id '" + id + "'");
      } else if (state.get().isTerminal()) {
        HttpResponses.error(exchange, 409, "task '" + id + "' is already " + state.get());
      } else {
        accept(exchange, ControlCommand.cancel(id));
      }
    } else if (!api.isDeadLettered(id)) {
      HttpResponses.error(exchange, 404, "no dead letter for task '" + id + "'");
    } else {
      accept(exchange, ControlCommand.replay(id));
    }
  }

  private void accept(HttpExchange exchange, ControlCommand command) throws IOException {
    try {
      control.send(command);
    } catch (IllegalStateException e) {
      HttpResponses.error(exchange, 503, e.getMessage());
      return;
    }
    HttpResponses.json(
        exchange,
        202,
        new ApiModels.CommandAccepted(
            command.taskId(), command.action().name(), control.topicName()));
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    HttpResponses.error(
        exchange, 404, "no such endpoint: " + exchange.getRequestURI().getRawPath());
  }

  private static List<String> segments(String rawPath) {
    return Arrays.stream(rawPath.split("/"))
        .filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
        .toList();
  }

  private static String query(HttpExchange exchange, String name) {
    String q = exchange.getRequestURI().getRawQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equals(name)) {
        return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
