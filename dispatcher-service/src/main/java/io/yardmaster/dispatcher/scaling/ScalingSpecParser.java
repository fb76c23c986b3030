package io.yardmaster.dispatcher.scaling;

import io.yardmaster.model.config.InvalidSettingException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pool's scaling from one line: policies joined by {@code +} (a hybrid: the largest wins),
 * then {@code ;key=value} settings. For example {@code
 * reactive(queue=4,wait=30s)+time(mon-fri@09:00-18:00=5);min=1;max=8;up=30s;down=5m}.
 *
 * <ul>
 *   <li>{@code static(3)}: always 3 agents;
 *   <li>{@code reactive(queue=4,wait=30s)}: each agent holds its slots plus 4 queued tasks, and
 *       more agents while tasks wait longer than 30 s;
 *   <li>{@code predictive(queue=4)}: as reactive, for the peak forecast for the next hour;
 *   <li>{@code time(mon-fri@09:00-18:00=5,sat@10:00-14:00=2,else=1,zone=Europe/Paris)};
 *   <li>{@code cpu(target=0.7)}: the agents' mean CPU near 70%;
 *   <li>settings {@code min}, {@code max}, {@code up} and {@code down} (cooldowns: {@code 30s},
 *       {@code 5m}, {@code 1h} or ISO-8601) and {@code tolerance} (hysteresis, a fraction).
 * </ul>
 */
public final class ScalingSpecParser {
  private static final String OPTION = "--scale";

  private ScalingSpecParser() {}

  public static ScalingOptions parse(String spec) {
    try {
      String[] parts = spec.trim().split(";");
      List<ScalingPolicy> policies = new ArrayList<>();
      for (String p : splitTopLevel(parts[0], '+')) {
        policies.add(policy(p.trim()));
      }
      ScalingPolicy policy = policies.size() == 1 ? policies.get(0) : new HybridPolicy(policies);
      ScalingOptions o =
          new ScalingOptions(
              policy,
              spec.trim(),
              ScalingOptions.DEFAULT_MIN,
              ScalingOptions.DEFAULT_MAX,
              ScalingOptions.DEFAULT_UP_COOLDOWN,
              ScalingOptions.DEFAULT_DOWN_COOLDOWN,
              ScalingOptions.DEFAULT_TOLERANCE);
      for (int i = 1; i < parts.length; i++) {
        o = setting(o, parts[i].trim());
      }
      return o;
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new InvalidSettingException(OPTION, "'" + spec + "': " + e.getMessage());
    }
  }

  private static ScalingOptions setting(ScalingOptions o, String kv) {
    if (kv.isEmpty()) {
      return o;
    }
    String[] p = kv.split("=", 2);
    if (p.length != 2) {
      throw new IllegalArgumentException("setting '" + kv + "' must be key=value");
    }
    String v = p[1].trim();
    return switch (p[0].trim()) {
      case "min" -> o.withBounds(Integer.parseInt(v), Math.max(o.max(), Integer.parseInt(v)));
      case "max" -> o.withBounds(o.min(), Integer.parseInt(v));
      case "up" -> o.withCooldowns(duration(v), o.downCooldown());
      case "down" -> o.withCooldowns(o.upCooldown(), duration(v));
      case "tolerance" -> o.withTolerance(Double.parseDouble(v));
      default ->
          throw new IllegalArgumentException(
              "unknown setting '" + p[0] + "' (min, max, up, down, tolerance)");
    };
  }

  private static ScalingPolicy policy(String p) {
    int open = p.indexOf('(');
    String name = (open < 0 ? p : p.substring(0, open)).trim().toLowerCase(Locale.ROOT);
    String body = "";
    if (open >= 0) {
      if (!p.endsWith(")")) {
        throw new IllegalArgumentException("'" + p + "' misses its closing ')'");
      }
      body = p.substring(open + 1, p.length() - 1).trim();
    }
    List<String> args = body.isEmpty() ? List.of() : List.of(body.split(","));
    return switch (name) {
      case "static" -> new StaticPolicy(Integer.parseInt(single(args, "agents", "1")));
      case "reactive" -> {
        Map<String, String> a = keyValues(args, Set.of("queue", "wait"));
        yield new ReactivePolicy(
            Double.parseDouble(
                a.getOrDefault("queue", "" + ReactivePolicy.DEFAULT_QUEUE_PER_AGENT)),
            duration(a.getOrDefault("wait", "0s")));
      }
      case "predictive" -> {
        Map<String, String> a = keyValues(args, Set.of("queue"));
        yield new PredictivePolicy(
            Double.parseDouble(
                a.getOrDefault("queue", "" + ReactivePolicy.DEFAULT_QUEUE_PER_AGENT)));
      }
      case "cpu", "resource" ->
          new ResourcePolicy(
              Double.parseDouble(single(args, "target", "" + ResourcePolicy.DEFAULT_TARGET_CPU)));
      case "time" -> time(args);
      default ->
          throw new IllegalArgumentException(
              "unknown policy '" + name + "' (static, reactive, predictive, time, cpu)");
    };
  }

  private static String single(List<String> args, String key, String fallback) {
    if (args.isEmpty()) {
      return fallback;
    }
    String a = args.get(0).trim();
    return a.startsWith(key + "=") ? a.substring(key.length() + 1).trim() : a;
  }

  private static Map<String, String> keyValues(List<String> args, Set<String> allowed) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      String key = kv[0].trim();
      if (kv.length != 2 || !allowed.contains(key)) {
        throw new IllegalArgumentException("'" + arg + "' must be one of " + allowed + " =value");
      }
      out.put(key, kv[1].trim());
    }
    return out;
  }

  private static TimeBasedPolicy time(List<String> args) {
    List<TimeBasedPolicy.Window> windows = new ArrayList<>();
    int otherwise = 0;
    ZoneId zone = ZoneOffset.UTC;
    for (String raw : args) {
      String arg = raw.trim();
      if (arg.startsWith("else=")) {
        otherwise = Integer.parseInt(arg.substring(5).trim());
      } else if (arg.startsWith("zone=")) {
        zone = ZoneId.of(arg.substring(5).trim());
      } else {
        windows.add(window(arg));
      }
    }
    return new TimeBasedPolicy(windows, otherwise, zone);
  }

  /** {@code mon-fri@09:00-18:00=5}; the days may be omitted ({@code 09:00-18:00=5}: every day). */
  private static TimeBasedPolicy.Window window(String arg) {
    String[] sizeSplit = arg.split("=", 2);
    if (sizeSplit.length != 2) {
      throw new IllegalArgumentException(
          "window '" + arg + "' must look like mon-fri@09:00-18:00=5");
    }
    String when = sizeSplit[0].trim();
    Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    int at = when.indexOf('@');
    if (at >= 0) {
      days = days(when.substring(0, at));
      when = when.substring(at + 1);
    }
    String[] times = when.split("-");
    if (times.length != 2) {
      throw new IllegalArgumentException("window '" + arg + "' needs from-to times");
    }
    return new TimeBasedPolicy.Window(
        days,
        LocalTime.parse(times[0].trim()),
        LocalTime.parse(times[1].trim()),
        Integer.parseInt(sizeSplit[1].trim()));
  }

  private static Set<DayOfWeek> days(String spec) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : spec.split("\\|")) {
      String[] range = part.trim().split("-");
      DayOfWeek from = day(range[0]);
      DayOfWeek to = range.length > 1 ? day(range[1]) : from;
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        days.add(d);
        if (d == to) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String s) {
    String d = s.trim().toLowerCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().toLowerCase(Locale.ROOT).startsWith(d) && d.length() >= 2) {
        return day;
      }
    }
    throw new IllegalArgumentException("unknown day '" + s + "'");
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
  static Duration duration(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt") || v.startsWith("p")) {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    }
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    long n = Long.parseLong(v.substring(0, v.length() - 1));
    return switch (v.charAt(v.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("duration '" + s + "' (use 30s, 5m, 1h)");
    };
  }

  private static List<String> splitTopLevel(String s, char sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == sep && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }
}
