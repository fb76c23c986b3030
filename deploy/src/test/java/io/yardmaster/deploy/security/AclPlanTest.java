package io.yardmaster.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.topic.Topics;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

class AclPlanTest {
  private final AclPlan plan = new AclPlan(Topics.withDefaultPrefix(), "dispatcher");

  @Test
  void shouldLetAnAgentReadOnlyItsPoolsAssignmentsAndWriteResultsAndHeartbeats() {
    // GIVEN the agent role of pool gpu WHEN planned
    List<String> lines = lines(plan.bindings(Role.AGENT, "User:agent-gpu", "gpu"));
    // THEN it reads its own assignment topic only, and writes results and heartbeats
    assertThat(lines)
        .contains(
            "ALLOW User:agent-gpu READ on TOPIC LITERAL yard.pool.gpu.assignments",
            "ALLOW User:agent-gpu WRITE on TOPIC LITERAL yard.tasks.results",
            "ALLOW User:agent-gpu WRITE on TOPIC LITERAL yard.agents.heartbeats",
            "ALLOW User:agent-gpu READ on GROUP PREFIXED yard.agent.")
        .noneMatch(l -> l.contains("WRITE on TOPIC") && l.contains("assignments"))
        .noneMatch(l -> l.contains("PREFIXED yard.") && l.contains("on TOPIC"));
  }

  @Test
  void shouldLetASubmitterWriteOnlySubmissions() {
    List<String> lines = lines(plan.bindings(Role.SUBMITTER, "User:app", null));
    assertThat(lines.stream().filter(l -> l.contains(" WRITE ")))
        .containsExactly("ALLOW User:app WRITE on TOPIC LITERAL yard.tasks.submit");
  }

  @Test
  void shouldLetTheDispatcherOwnItsTopicsGroupAndTransactions() {
    List<String> lines = lines(plan.bindings(Role.DISPATCHER, "User:dispatcher", null));
    assertThat(lines)
        .contains(
            "ALLOW User:dispatcher ALL on TOPIC PREFIXED yard.",
            "ALLOW User:dispatcher READ on GROUP PREFIXED yard.dispatcher",
            "ALLOW User:dispatcher WRITE on TRANSACTIONAL_ID PREFIXED yard.dispatcher");
  }

  @Test
  void shouldLetAnOperatorControlAndReadButNotWriteResults() {
    List<String> lines = lines(plan.bindings(Role.OPERATOR, "User:ops", null));
    assertThat(lines)
        .contains(
            "ALLOW User:ops WRITE on TOPIC LITERAL yard.tasks.control",
            "ALLOW User:ops READ on TOPIC PREFIXED yard.")
        .noneMatch(l -> l.contains("results") || l.contains("heartbeats"));
  }

  @Test
  void shouldRequireAPoolForAnAgentAndATypedPrincipal() {
    assertThatThrownBy(() -> plan.bindings(Role.AGENT, "User:a", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--pool");
    assertThatThrownBy(() -> plan.bindings(Role.SUBMITTER, "app", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("User:app");
    assertThatThrownBy(() -> plan.bindings(null, "User:a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("role can't be null");
  }

  private static List<String> lines(List<AclBinding> bindings) {
    return bindings.stream().map(AclPlan::describe).toList();
  }
}
