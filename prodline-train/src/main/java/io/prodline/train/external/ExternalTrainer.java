package io.prodline.train.external;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.error.ProdlineException;
import io.prodline.train.trainer.Trainer;
import io.prodline.train.trainer.TrainedModel;
import io.prodline.train.trainer.TrainingData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Any command as a trainer (a Python script training PyTorch, an R script, a binary), under the contract in
 * {@code docs/trainers.md}: it reads the encoded train and eval rows as CSV and its parameters as JSON from paths
 * given in environment variables, and writes {@code model.json} (XGBoost) or {@code model.onnx} into
 * {@code PRODLINE_OUTPUT_DIR}. These files live in a fresh work directory per run; the command itself starts in
 * the directory its caller names (the current directory on the command line, the pipeline file's in a pipeline),
 * so relative paths in it mean what they meant to the person who wrote them. Its output and errors go to
 * {@code trainer.log} in the work directory, whose tail every failure quotes.
 */
public final class ExternalTrainer implements Trainer {
  static final String LOG_FILE = "trainer.log";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> command;
  private final Path directory;
  private final Map<String, Object> params;
  private final Path workRoot;
  private final Duration timeout;

  /**
   * @param command the program and its arguments
   * @param directory where the command starts
   * @param params handed to the command as {@code PRODLINE_PARAMS}
   * @param workRoot where each run gets its work directory ({@code external-*}: the CSVs, params, output, log)
   */
  public ExternalTrainer(List<String> command, Path directory, Map<String, Object> params, Path workRoot,
      Duration timeout) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("an external trainer needs a command to run");
    }
    this.command = List.copyOf(command);
    this.directory = directory.toAbsolutePath();
    this.params = Map.copyOf(params);
    this.workRoot = workRoot;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "external";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> described = new LinkedHashMap<>();
    described.put("command", String.join(" ", command));
    params.forEach((k, v) -> described.put(k, String.valueOf(v)));
    return described;
  }

  @Override
  public TrainedModel fit(TrainingData data) {
    try {
      Files.createDirectories(workRoot);
      Path work = Files.createTempDirectory(workRoot, "external-");
      Path output = Files.createDirectory(work.resolve("output"));
      Path train = work.resolve("train.csv");
      Path eval = work.resolve("eval.csv");
      Path paramsFile = work.resolve("params.json");
      EncodedCsv.write(train, data.featureNames(), data.trainFeatures(), data.trainTargets());
      EncodedCsv.write(eval, data.featureNames(), data.evalFeatures(), data.evalTargets());
      JSON.writerWithDefaultPrettyPrinter().writeValue(paramsFile.toFile(), params);
      Path log = work.resolve(LOG_FILE);

      ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.put("PRODLINE_WORK_DIR", work.toString());
      env.put("PRODLINE_TRAIN_DATA", train.toString());
      env.put("PRODLINE_EVAL_DATA", eval.toString());
      env.put("PRODLINE_PARAMS", paramsFile.toString());
      env.put("PRODLINE_OUTPUT_DIR", output.toString());
      env.put("PRODLINE_TASK", data.task().fileName());
      env.put("PRODLINE_NUM_CLASSES", Integer.toString(data.classes().size()));
      run(pb, log);
      TrainedModel model = ExternalOutput.check(output, data, log);
      // The data copies are as large as the training set; after a failure they stay, to rerun the command by hand.
      Files.delete(train);
      Files.delete(eval);
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException("external trainer " + command + ": " + e.getMessage(), e);
    }
  }

  private void run(ProcessBuilder pb, Path log) throws IOException {
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new ProdlineException("external trainer " + command + " could not be started: " + e.getMessage());
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(process);
        process.waitFor();
        throw new ProdlineException("external trainer " + command + " did not finish within " + timeout
            + " and was stopped" + LogTail.of(log));
      }
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new ProdlineException("interrupted while waiting for external trainer " + command);
    }
    if (process.exitValue() != 0) {
      throw new ProdlineException("external trainer " + command + " failed with exit status " + process.exitValue()
          + LogTail.of(log));
    }
  }

  /** Children first: a script's worker processes would otherwise outlive it. */
  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
