package io.prodline.pipeline.model;

import java.nio.file.Path;

/** Where something was written: a file (null for pipelines built in Java) and a 1-based line and column. */
public record Location(Path file, int line, int column) {
  /** For steps built with {@link PipelineBuilder}: no file, no line. */
  public static final Location JAVA = new Location(null, 0, 0);

  @Override
  public String toString() {
    if (file == null) {
      return "pipeline (Java)";
    }
    return file.getFileName() + ":" + line + ":" + column;
  }
}
