package io.yardmaster.dispatcher.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardmaster.model.config.InvalidSettingException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScalingSpecParserTest {
  @Test
  void shouldReadAHybridWithSettings() {
    ScalingOptions o =
        ScalingSpecParser.parse(
            "reactive(queue=10,wait=30s)+time(mon-fri@09:00-18:00=5,else=1,zone=Europe/Paris)"
                + ";min=2;max=8;up=45s;down=5m;tolerance=0.2");
    assertThat(o.policy()).isInstanceOf(HybridPolicy.class);
    HybridPolicy h = (HybridPolicy) o.policy();
    assertThat(h.policies().get(0)).isEqualTo(new ReactivePolicy(10, Duration.ofSeconds(30)));
    TimeBasedPolicy t = (TimeBasedPolicy) h.policies().get(1);
    assertThat(t.otherwise()).isEqualTo(1);
    assertThat(t.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(t.windows().get(0).days()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY);
    assertThat(t.windows().get(0).from()).isEqualTo(LocalTime.of(9, 0));
    assertThat(o.min()).isEqualTo(2);
    assertThat(o.max()).isEqualTo(8);
    assertThat(o.upCooldown()).isEqualTo(Duration.ofSeconds(45));
    assertThat(o.downCooldown()).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.tolerance()).isEqualTo(0.2);
  }

  @Test
  void shouldReadEachPolicy() {
    assertThat(ScalingSpecParser.parse("static(3)").policy()).isEqualTo(new StaticPolicy(3));
    assertThat(ScalingSpecParser.parse("predictive(queue=2)").policy())
        .isEqualTo(new PredictivePolicy(2));
    assertThat(ScalingSpecParser.parse("cpu(target=0.5)").policy())
        .isEqualTo(new ResourcePolicy(0.5));
    assertThat(ScalingSpecParser.parse("reactive").policy())
        .isEqualTo(new ReactivePolicy(ReactivePolicy.DEFAULT_QUEUE_PER_AGENT, Duration.ZERO));
    assertThat(ScalingSpecParser.parse("predictive").usesHistory()).isTrue();
    assertThat(ScalingSpecParser.parse("static(1)+predictive").usesHistory()).isTrue();
    assertThat(ScalingSpecParser.parse("static(1)").usesHistory()).isFalse();
  }

  @Test
  void shouldExplainWhatIsWrong() {
    assertThatThrownBy(() -> ScalingSpecParser.parse("magic(3)"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("unknown policy 'magic'");
    assertThatThrownBy(() -> ScalingSpecParser.parse("static(3);min=4;max=2"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("min");
    assertThatThrownBy(() -> ScalingSpecParser.parse("time(mon-fri@9-18=5)"))
        .isInstanceOf(InvalidSettingException.class);
  }
}
