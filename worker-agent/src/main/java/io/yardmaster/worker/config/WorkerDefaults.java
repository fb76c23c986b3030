package io.yardmaster.worker.config;

import io.yardmaster.model.config.InvalidSettingException;
import io.yardmaster.model.config.KafkaClientSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option not given on the command line gets its value: first the environment ({@code
 * YARD_WORKER_<OPTION>}, e.g. {@code YARD_WORKER_HEARTBEAT_INTERVAL}; also {@code
 * YARD_BOOTSTRAP_SERVERS} and {@code YARD_KAFKA_PROPERTIES}), then the {@code --config} properties
 * file (keys are the long option names without dashes: {@code heartbeat-interval=PT2S}), then the
 * built-in default.
 */
public final class WorkerDefaults implements IDefaultValueProvider {
  public static final String ENV_PREFIX = "YARD_WORKER_";
  public static final String CONFIG_OPTION = "--config";

  private final Map<String, String> env;
  private final Properties file;

  public WorkerDefaults(Map<String, String> env, Properties file) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env can't be null"));
    this.file = Objects.requireNonNull(file, "file can't be null");
  }

  /** Defaults from {@code env} and the config file named in {@code args} or the environment. */
  public static WorkerDefaults from(String[] args, Map<String, String> env) {
    Path config = configFile(args, env);
    return new WorkerDefaults(env, config == null ? new Properties() : load(config));
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String key = key(option);
    String fromEnv = env.get(envName(key));
    if (fromEnv == null && key.equals("bootstrap-servers")) {
      fromEnv = env.get(KafkaClientSettings.ENV_BOOTSTRAP);
    }
    if (fromEnv == null && key.equals("kafka-properties")) {
      fromEnv = env.get(KafkaClientSettings.ENV_CLIENT_PROPERTIES);
    }
    return fromEnv != null ? fromEnv : file.getProperty(key);
  }

  /** The config file's keys that name no option (typos), so they can be refused. */
  public Set<String> unknownKeys(Set<String> optionKeys) {
    Set<String> unknown = new TreeSet<>(file.stringPropertyNames());
    unknown.removeAll(optionKeys);
    return unknown;
  }

  /** An option's key in the config file: its long name without the dashes. */
  public static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  static Path configFile(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(CONFIG_OPTION) && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith(CONFIG_OPTION + "=")) {
        return Path.of(args[i].substring(CONFIG_OPTION.length() + 1));
      }
    }
    String fromEnv = env.get(envName("config"));
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }

  private static Properties load(Path config) {
    if (!Files.isReadable(config)) {
      throw new InvalidSettingException(
          CONFIG_OPTION, "file '" + config + "' does not exist or cannot be read");
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(config)) {
      props.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidSettingException(
          CONFIG_OPTION, "file '" + config + "' cannot be read: " + e.getMessage());
    }
    return props;
  }
}
