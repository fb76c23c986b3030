package io.yardmaster.dispatcher.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.model.DeadLetter;
import io.yardmaster.model.EventType;
import io.yardmaster.model.TaskEvent;
import io.yardmaster.model.TaskState;
import io.yardmaster.model.TaskView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterViewTest {
  private static final Instant T = Instant.parse("2026-12-04T12:00:00Z");

  private static TaskView view(String id, TaskState state) {
    return new TaskView(
        id, state, "p", "noop", null, 1, null, null, List.of(), T, T, null, null, T, null, false);
  }

  @Test
  void shouldCountEachTaskOnceInItsLatestStateWhenViewsChange() throws Exception {
    // GIVEN a view
    ClusterView view = new ClusterView(10);
    // WHEN a task moves through states and another is deleted
    view.onView("a", view("a", TaskState.READY));
    view.onView("a", view("a", TaskState.SUCCEEDED));
    view.onView("b", view("b", TaskState.READY));
    view.onView("c", view("c", TaskState.READY));
    view.onView("c", (byte[]) null);
    // THEN each task counts once, in its latest state
    assertThat(view.stateCounts())
        .containsEntry(TaskState.SUCCEEDED, 1L)
        .containsEntry(TaskState.READY, 1L)
        .hasSize(2);
    assertThat(view.known("c")).isEmpty();
  }

  @Test
  void shouldKeepOnlyTheMostRecentHistoriesWhenTheCapacityIsExceeded() throws Exception {
    // GIVEN room for two histories
    ClusterView view = new ClusterView(2);
    // WHEN three tasks have events
    for (String id : List.of("a", "b", "c")) {
      view.onEvent(
          TaskEvent.transition(id, TaskState.SUBMITTED, TaskState.READY, "p", null, 0, "", T));
      view.onView(id, view(id, TaskState.READY));
    }
    // THEN the oldest history is gone, but its state still counts
    assertThat(view.events("a")).isEmpty();
    assertThat(view.events("c")).hasSize(1);
    assertThat(view.known("a")).isPresent();
    assertThat(view.stateCounts()).containsEntry(TaskState.READY, 3L);
  }

  @Test
  void shouldListOnlyTasksStillDeadLetteredWhenOneWasReplayed() throws Exception {
    // GIVEN two dead letters
    ClusterView view = new ClusterView(10);
    for (String id : List.of("a", "b")) {
      view.onDeadLetter(new DeadLetter(id, "p", null, List.of(), "failed", T));
      view.onView(id, view(id, TaskState.DEAD_LETTERED));
    }
    // WHEN one is replayed
    view.onView("a", view("a", TaskState.READY));
    // THEN only the other is listed
    assertThat(view.deadLetters()).extracting(DeadLetter::taskId).containsExactly("b");
  }

  @Test
  void shouldReadStateAndPoolWhereverTheyStandWhenAViewArrivesAsJson() throws Exception {
    ClusterView view = new ClusterView(10);
    view.onView(
        "x",
        "{\"id\":\"x\",\"priority\":{\"level\":5},\"pool\":\"p\",\"labels\":{\"state\":1},\"state\":\"RUNNING\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(view.known("x")).contains(new ClusterView.Known(TaskState.RUNNING, "p"));
    assertThat(view.view("x")).map(TaskView::pool).contains("p");
  }

  @Test
  void shouldKeepAgentHealthNotesApartFromTaskHistoriesWhenTheyArrive() throws Exception {
    ClusterView view = new ClusterView(10);
    view.onEvent(TaskEvent.note("agent-1", EventType.AGENT_HEALTH, "p", "agent offline", T));
    assertThat(view.events("agent-1")).isEmpty();
    assertThat(view.agentNote("agent-1")).map(TaskEvent::reason).contains("agent offline");
  }
}
