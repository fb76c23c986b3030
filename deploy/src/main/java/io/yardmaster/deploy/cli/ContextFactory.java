package io.yardmaster.deploy.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates the commands, giving the {@link YardContext} to those whose constructor takes one. */
final class ContextFactory implements CommandLine.IFactory {
  private final YardContext context;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  ContextFactory(YardContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> constructor = type.getDeclaredConstructor(YardContext.class);
      return constructor.newInstance(context);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
  }
}
