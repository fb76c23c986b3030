package io.yardmaster.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.deploy.BadInputException;
import io.yardmaster.dispatcher.config.PoolConfig;
import io.yardmaster.dispatcher.config.PoolSpecParser;
import org.junit.jupiter.api.Test;

class PoolPlanTest {
  @Test
  void shouldReadEveryPartWhenAllAreGiven() {
    // GIVEN / WHEN
    PoolPlan plan = PoolPlan.parse("gpu:2:4:cuda,ml:least-loaded");

    // THEN
    assertThat(plan.name()).isEqualTo("gpu");
    assertThat(plan.agents()).isEqualTo(2);
    assertThat(plan.slots()).isEqualTo(4);
    assertThat(plan.capabilities()).containsExactly("cuda", "ml");
    assertThat(plan.strategy()).isEqualTo("least-loaded");
    assertThat(plan.totalSlots()).isEqualTo(8);
  }

  @Test
  void shouldGiveTheDispatcherASpecItParsesWhenTurnedIntoItsPoolOption() {
    // GIVEN plans with and without capabilities and strategy
    for (String spec :
        new String[] {"a:1:1", "b:1:1:x,y", "c:1:1::round-robin", "d:1:1:x:round-robin"}) {
      PoolPlan plan = PoolPlan.parse(spec);

      // WHEN the dispatcher reads the spec
      PoolConfig pool = PoolSpecParser.parse(plan.dispatcherSpec());

      // THEN it sees the same pool
      assertThat(pool.name()).isEqualTo(plan.name());
      assertThat(pool.capabilities()).containsExactlyInAnyOrderElementsOf(plan.capabilities());
      assertThat(pool.strategy()).isEqualTo(plan.strategy());
    }
  }

  @Test
  void shouldExplainTheFormatWhenPartsAreMissing() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> PoolPlan.parse("gpu:2"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            "must look like name:agents:slots[:capability,capability[:strategy]]");
  }

  @Test
  void shouldNameTheBadNumberWhenItIsNotOne() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> PoolPlan.parse("gpu:two:4"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("agents must be a whole number, was 'two'");
  }

  @Test
  void shouldRefuseWhenCountsAreOutOfRange() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> PoolPlan.parse("gpu:0:4"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pool gpu: agents must be 1-50, was 0");
    assertThatThrownBy(() -> PoolPlan.parse("gpu:1:0"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("pool gpu: slots must be 1-256, was 0");
  }

  @Test
  void shouldRefuseWhenTheNameCannotBeATopicName() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> PoolPlan.parse("g p u:1:1"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("pool name 'g p u' must be 1-100 characters");
  }
}
