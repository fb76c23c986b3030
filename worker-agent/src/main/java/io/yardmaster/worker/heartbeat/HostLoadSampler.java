package io.yardmaster.worker.heartbeat;

import io.yardmaster.model.HostLoad;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/**
 * Samples the host's load with OSHI: CPU (busy fraction since the previous sample), memory (used
 * fraction) and disk (used fraction of the file system holding the working directory). Wrap it in a
 * {@link CachedValue} so it is sampled at most once per heartbeat interval. When OSHI cannot read
 * the host, it reports {@link HostLoad#UNKNOWN} (and says so once).
 */
public final class HostLoadSampler implements Supplier<HostLoad> {
  private static final Logger LOG = LoggerFactory.getLogger(HostLoadSampler.class);

  private final CentralProcessor processor;
  private final GlobalMemory memory;
  private final Path disk;
  private long[] previousTicks;
  private boolean warned;

  public HostLoadSampler(Path disk) {
    SystemInfo system = new SystemInfo();
    this.processor = system.getHardware().getProcessor();
    this.memory = system.getHardware().getMemory();
    this.disk = disk.toAbsolutePath();
    this.previousTicks = processor.getSystemCpuLoadTicks();
  }

  @Override
  public synchronized HostLoad get() {
    try {
      double cpu = processor.getSystemCpuLoadBetweenTicks(previousTicks);
      previousTicks = processor.getSystemCpuLoadTicks();
      long total = memory.getTotal();
      double mem = total <= 0 ? 0 : 1.0 - (double) memory.getAvailable() / total;
      return new HostLoad(fraction(cpu), fraction(mem), fraction(diskUsed()));
    } catch (RuntimeException | IOException | LinkageError e) {
      if (!warned) {
        warned = true;
        LOG.warn("Cannot read the host's load; heartbeats report it as unknown: {}", e.toString());
      }
      return HostLoad.UNKNOWN;
    }
  }

  private double diskUsed() throws IOException {
    FileStore store = Files.getFileStore(disk);
    long total = store.getTotalSpace();
    return total <= 0 ? 0 : 1.0 - (double) store.getUsableSpace() / total;
  }

  private static double fraction(double value) {
    return Double.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  }
}
