package io.yardmaster.worker.handler;

import io.yardmaster.model.config.InvalidSettingException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The handlers this agent knows, by task type. Immutable once built. */
public final class HandlerRegistry {
  private final Map<String, TaskHandler> byType;

  private HandlerRegistry(Map<String, TaskHandler> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** A registry of exactly these handlers, each initialised with {@code settings}. */
  public static HandlerRegistry of(HandlerSettings settings, Collection<TaskHandler> handlers) {
    Objects.requireNonNull(settings, "settings can't be null");
    Map<String, TaskHandler> byType = new TreeMap<>();
    for (TaskHandler handler : handlers) {
      TaskHandler previous = byType.putIfAbsent(handler.type(), handler);
      if (previous != null) {
        throw new InvalidSettingException(
            "handlers",
            "has two handlers for task type '"
                + handler.type()
                + "': "
                + previous.getClass().getName()
                + " and "
                + handler.getClass().getName()
                + "; remove one of the jars");
      }
    }
    byType.values().forEach(h -> h.init(settings));
    return new HandlerRegistry(byType);
  }

  /**
   * Every handler found by {@link ServiceLoader} on the class path, plus those in the jars of
   * {@code handlersDir} (null: none).
   */
  public static HandlerRegistry discover(HandlerSettings settings, Path handlersDir) {
    ClassLoader loader = classLoader(handlersDir);
    List<TaskHandler> handlers = new ArrayList<>();
    ServiceLoader.load(TaskHandler.class, loader).forEach(handlers::add);
    return of(settings, handlers);
  }

  public Optional<TaskHandler> find(String type) {
    return type == null ? Optional.empty() : Optional.ofNullable(byType.get(type));
  }

  /** The known task types, sorted. */
  public List<String> types() {
    return List.copyOf(byType.keySet());
  }

  private static ClassLoader classLoader(Path handlersDir) {
    ClassLoader parent = HandlerRegistry.class.getClassLoader();
    if (handlersDir == null) {
      return parent;
    }
    if (!Files.isDirectory(handlersDir)) {
      throw new InvalidSettingException(
          "--handlers-dir", "'" + handlersDir + "' is not a directory");
    }
    try (Stream<Path> files = Files.list(handlersDir)) {
      List<URL> jars = new ArrayList<>();
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        jars.add(jar.toUri().toURL());
      }
      return new URLClassLoader(jars.toArray(URL[]::new), parent);
    } catch (MalformedURLException e) {
      throw new InvalidSettingException(
          "--handlers-dir", "holds a bad jar path: " + e.getMessage());
    } catch (IOException e) {
      throw new InvalidSettingException(
          "--handlers-dir", "cannot be read: " + handlersDir + ": " + e.getMessage());
    }
  }
}
