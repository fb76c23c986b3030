package io.yardmaster.worker.handler.builtin;

import java.util.List;

/** Kills a process together with everything it started. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Lists the descendants while the process is still alive (they are found through it), kills the
   * process so that it starts nothing more, then kills the descendants.
   */
  static void kill(ProcessHandle process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
