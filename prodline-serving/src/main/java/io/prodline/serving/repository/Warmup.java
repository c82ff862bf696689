package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.PredictRequestDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a freshly loaded version its warm-up requests (see {@link WarmupSettings}) before it is published. A
 * failing warm-up fails the load: a version that cannot answer its own warm-up must not take traffic.
 */
final class Warmup {
  /** The warm-up file looked for in every version directory. */
  static final String FILE = "warmup.json";

  private Warmup() {}

  /** Runs the warm-up; returns the number of predictions made. */
  static int run(Predictor predictor, Path directory, WarmupSettings settings) {
    List<Field> inputs = predictor.bundle().manifest().inputs();
    Path file = directory.resolve(FILE);
    Frame request;
    String what;
    if (Files.isRegularFile(file)) {
      try {
        request = PredictRequestDecoder.decode(Files.readAllBytes(file), inputs);
      } catch (IOException e) {
        throw new ProdlineException("cannot read warm-up requests " + file + ": " + e.getMessage(), e);
      } catch (ProdlineException e) {
        throw new ProdlineException(file + " is not a valid predict request: " + e.getMessage(), e);
      }
      what = file.toString();
    } else if (settings.syntheticRows() > 0) {
      request = missingValues(inputs, settings.syntheticRows());
      what = settings.syntheticRows() + " synthetic rows";
    } else {
      return 0;
    }
    for (int i = 0; i < settings.iterations(); i++) {
      try {
        predictor.predict(request);
      } catch (RuntimeException e) {
        throw new ProdlineException("warm-up with " + what + " failed: " + e.getMessage(), e);
      }
    }
    return settings.iterations();
  }

  /** {@code rows} rows of missing values, one column per input: every model must handle missing values. */
  private static Frame missingValues(List<Field> inputs, int rows) {
    List<Column> columns = new ArrayList<>();
    for (Field input : inputs) {
      ColumnBuilder builder = Column.builder(input.type());
      for (int r = 0; r < rows; r++) {
        builder.appendNull();
      }
      columns.add(builder.build());
    }
    return Frame.of(inputs.stream().map(Field::name).toList(), columns);
  }
}
