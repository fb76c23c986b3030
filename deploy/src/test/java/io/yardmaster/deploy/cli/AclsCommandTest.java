package io.yardmaster.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardmaster.deploy.testing.YardRunner;
import io.yardmaster.deploy.testing.YardRunner.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class AclsCommandTest {
  private final YardRunner yard = YardRunner.plain();

  @Test
  void shouldPrintAnAgentsAclsWithoutKafkaWhenAskedToPrint() {
    // GIVEN no Kafka at all WHEN the ACLs of an agent of pool gpu are printed
    Result result =
        yard.run(
            List.of("acls", "print"),
            "--role",
            "agent",
            "--principal",
            "User:agent-gpu",
            "--pool",
            "gpu",
            "--topic-prefix",
            "prod.");
    // THEN they name the pool's assignment topic under the prefix
    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("ALLOW User:agent-gpu READ on TOPIC LITERAL prod.pool.gpu.assignments")
        .contains("ALLOW User:agent-gpu WRITE on TOPIC LITERAL prod.tasks.results");
  }

  @Test
  void shouldExitTwoNamingTheProblemWhenTheRoleIsUnknownOrThePoolMissing() {
    Result unknown =
        yard.run(List.of("acls", "print"), "--role", "janitor", "--principal", "User:x");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--role");
    Result noPool = yard.run(List.of("acls", "print"), "--role", "agent", "--principal", "User:x");
    assertThat(noPool.exitCode()).isEqualTo(2);
    assertThat(noPool.err()).contains("--pool");
  }
}
