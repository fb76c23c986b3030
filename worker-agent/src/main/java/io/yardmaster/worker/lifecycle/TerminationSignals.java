package io.yardmaster.worker.lifecycle;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles SIGTERM and SIGINT itself, so that it can tell the first signal (drain) from the second
 * (stop at once): a JVM shutdown hook runs only once, and a second signal during it is lost. The
 * handlers run on the JVM's signal thread, so both actions must return quickly.
 *
 * <p>It uses the JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}) through reflection,
 * so the build has no internal-API warning and a JVM without it still runs, with shutdown hooks
 * only.
 */
public final class TerminationSignals {
  private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);
  private static final String[] SIGNALS = {"TERM", "INT"};

  private TerminationSignals() {}

  /**
   * Installs the handlers.
   *
   * @return false when this JVM does not allow it (then only shutdown hooks see the signals)
   */
  public static boolean install(Runnable first, Runnable second) {
    AtomicInteger received = new AtomicInteger();
    Runnable onSignal =
        () -> {
          if (received.incrementAndGet() == 1) {
            first.run();
          } else {
            second.run();
          }
        };
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Constructor<?> newSignal = signalClass.getConstructor(String.class);
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      Object handler =
          Proxy.newProxyInstance(
              handlerClass.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                  onSignal.run();
                  return null;
                }
                return method.invoke(onSignal, args);
              });
      for (String name : SIGNALS) {
        handle.invoke(null, newSignal.newInstance(name), handler);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warn(
          "Cannot handle termination signals ({}); a second SIGTERM will not stop at once",
          e.toString());
      return false;
    }
  }
}
