package io.yardmaster.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table: a header row, then rows, each column as wide as its widest cell. Columns
 * whose header is listed in {@code rightAligned} are aligned right (numbers).
 */
public final class TextTable {
  private static final String GAP = "  ";

  private final List<String> header;
  private final boolean[] right;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    this.header = List.of(header);
    this.right = new boolean[header.length];
  }

  /** Aligns these columns (by header) to the right. */
  public TextTable alignRight(String... columns) {
    for (String column : columns) {
      int i = header.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column '" + column + "' in " + header);
      }
      right[i] = true;
    }
    return this;
  }

  /** Adds a row; {@code null} cells print as {@code -}. */
  public TextTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "a row needs " + header.size() + " cells, got " + Arrays.toString(cells));
    }
    rows.add(Arrays.stream(cells).map(c -> Objects.toString(c, "-")).toList());
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table as lines, without trailing spaces. */
  public List<String> lines() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(format(header, widths));
    rows.forEach(r -> lines.add(format(r, widths)));
    return lines;
  }

  private String format(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(GAP);
      }
      String cell = cells.get(i);
      String pad = " ".repeat(widths[i] - cell.length());
      line.append(right[i] ? pad + cell : cell + pad);
    }
    return line.toString().stripTrailing();
  }

  @Override
  public String toString() {
    return String.join(System.lineSeparator(), lines());
  }
}
