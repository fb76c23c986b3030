package io.yardmaster.deploy.progress;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Redraws the progress bars in place with ANSI cursor moves. */
final class AnsiProgressView implements ProgressView {
  private static final String CLEAR_LINE = "\u001b[2K";

  private final PrintWriter out;
  private final int width;
  private int drawnLines;

  AnsiProgressView(PrintWriter out, int width) {
    this.out = out;
    this.width = width;
  }

  @Override
  public void show(List<PoolCounts> pools, String status) {
    int nameWidth = ProgressView.nameWidth(pools);
    int barWidth = Math.max(10, Math.min(40, width - nameWidth - 70));
    List<String> lines = new ArrayList<>();
    lines.add(status);
    pools.forEach(p -> lines.add(ProgressView.bar(p, nameWidth, barWidth)));
    StringBuilder frame = new StringBuilder();
    if (drawnLines > 0) {
      frame.append("\u001b[").append(drawnLines).append('F'); // up to the first drawn line
    }
    for (String line : lines) {
      frame.append('\r').append(CLEAR_LINE).append(cut(line)).append('\n');
    }
    for (int i = lines.size(); i < drawnLines; i++) {
      frame.append(CLEAR_LINE).append('\n');
    }
    drawnLines = Math.max(drawnLines, lines.size());
    out.print(frame);
    out.flush();
  }

  private String cut(String line) {
    return line.length() < width ? line : line.substring(0, width - 1);
  }

  @Override
  public void finish() {
    drawnLines = 0;
    out.flush();
  }
}
