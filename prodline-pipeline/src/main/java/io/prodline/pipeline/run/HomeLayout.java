package io.prodline.pipeline.run;

import java.nio.file.Path;

/**
 * Where a run keeps things under prodline's home directory:
 * <pre>
 * &lt;home&gt;/artifacts/&lt;pipeline&gt;/&lt;step&gt;/&lt;execution&gt;/&lt;output&gt;/   published outputs, never changed
 * &lt;home&gt;/artifacts/.staging/&lt;attempt&gt;/&lt;output&gt;/                 an attempt's outputs until published
 * &lt;home&gt;/runs/&lt;run-id&gt;/&lt;step&gt;.log                               one log per step and run
 * </pre>
 * Staging sits on the same file system as the published tree, so publishing is one atomic rename.
 */
public record HomeLayout(Path home) {
  public Path published(String pipeline, String step, String execution) {
    return home.resolve("artifacts").resolve(pipeline).resolve(step).resolve(execution);
  }

  public Path staging(String attempt) {
    return home.resolve("artifacts").resolve(".staging").resolve(attempt);
  }

  public Path runLogs(String runId) {
    return home.resolve("runs").resolve(runId);
  }
}
