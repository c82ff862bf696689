package io.prodline.serving.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import io.prodline.serving.grpc.tfserving.WarmupLogs;
import io.prodline.serving.protocol.NonFiniteInputs;
import io.prodline.serving.protocol.PredictRequestDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends a freshly loaded version its warm-up requests (see {@link WarmupSettings}) before it is published. A
 * failing warm-up fails the load: a version that cannot answer its own warm-up must not take traffic.
 */
final class Warmup {
  /** Any number of rows, NaN and infinities as written (see {@link #requests}). */
  private static final PredictRequestDecoder.Options WARMUP_DECODING =
      new PredictRequestDecoder.Options(Integer.MAX_VALUE, NonFiniteInputs.ALLOWED);

  /** TF Serving's warm-up file, relative to a version directory, as TF Serving reads it from a SavedModel. */
  static final String TF_SERVING = "assets.extra/tf_serving_warmup_requests";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** As TF Serving: a warm-up file holds at most this many records. */
  private static final int MAX_TF_SERVING_RECORDS = 1000;
  /** The warm-up files a version directory may hold, at most one of them. */
  private static final List<String> FILES = List.of(TF_SERVING, WarmupRequests.JSON, WarmupRequests.JSON_LINES);

  private Warmup() {}

  /** One decoded warm-up request, and what it is called in messages. */
  private record Request(String what, Frame frame) {}

  /** Runs each warm-up request {@link WarmupSettings#iterations()} times, in turn; returns the predictions made. */
  static int run(Predictor predictor, Path directory, WarmupSettings settings) {
    List<Request> requests = requests(predictor, directory, settings);
    for (Request request : requests) {
      for (int i = 0; i < settings.iterations(); i++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new ProdlineException("warm-up given up after " + i + " runs of " + request.what()
              + ": the server is stopping");
        }
        try {
          predictor.predict(request.frame());
        } catch (RuntimeException e) {
          throw new ProdlineException("warm-up with " + request.what() + " failed: " + e.getMessage(), e);
        }
      }
    }
    return requests.size() * settings.iterations();
  }

  /** Whether the version directory holds a warm-up file. */
  static boolean present(Path directory) {
    return file(directory).isPresent();
  }

  /** The version's warm-up file; empty when it has none. Two are refused: which one should run is unclear. */
  private static Optional<Path> file(Path directory) {
    List<String> found = new ArrayList<>();
    for (String name : FILES) {
      Path entry = directory.resolve(name);
      if (Files.isRegularFile(entry)) {
        found.add(name);
      } else if (Files.exists(entry)) {
        // Ignored, the version would serve without the warm-up its owner meant it to have.
        throw new ProdlineException(entry + " is not a file; the warm-up requests go in a file of that name");
      }
    }
    if (found.size() > 1) {
      throw new ProdlineException(directory + " has the warm-up files " + String.join(" and ", found)
          + "; keep one of them");
    }
    return found.stream().findFirst().map(directory::resolve);
  }

  /** The requests of the warm-up file, or else the synthetic rows the settings ask for, or none. */
  private static List<Request> requests(Predictor predictor, Path directory, WarmupSettings settings) {
    List<Field> inputs = predictor.bundle().manifest().inputs();
    Optional<Path> file = file(directory);
    if (file.isEmpty()) {
      return settings.syntheticRows() == 0 ? List.of() : List.of(new Request(settings.syntheticRows()
          + " synthetic rows", missingValues(inputs, settings.syntheticRows())));
    }
    if (file.get().endsWith(TF_SERVING)) {
      return tfServingRequests(file.get(), predictor);
    }
    List<WarmupRequests.Request> bodies = WarmupRequests.read(file.get());
    List<Request> requests = new ArrayList<>(bodies.size());
    for (WarmupRequests.Request body : bodies) {
      try {
        // Decoded as the live API decodes a predict body, so a bare model's graph tensor may be named too. The
        // file is the model owner's, not a client's: NaN and infinities reach the model as the owner wrote them,
        // since a version must not fail its load for values a NaN policy set elsewhere would let through.
        requests.add(new Request(body.source(), PredictRequestDecoder.decodeRequest(body.body(), inputs,
            predictor.bundle().tensors(), WARMUP_DECODING).frame()));
      } catch (ProdlineException e) {
        throw new ProdlineException(body.source() + " is not a valid predict request: " + e.getMessage()
            + (isOpenInferenceBody(body.body()) ? "; it reads as an Open Inference (v2) body, and warm-up takes "
                + "TF Serving predict bodies ({\"instances\": [...]} or {\"inputs\": {...}})" : ""), e);
      }
    }
    return requests;
  }

  /** Whether {@code body} is a KServe v2 request ({@code "inputs"} a list of tensors with a datatype), for the hint. */
  private static boolean isOpenInferenceBody(byte[] body) {
    try {
      JsonNode inputs = JSON.readTree(body).get("inputs");
      return inputs != null && inputs.isArray() && !inputs.isEmpty() && inputs.get(0).has("datatype");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Each record of a TF Serving warm-up file ({@code PredictionLog}s in a TFRecord file), decoded as TF Serving's
   * gRPC API decodes the request it logs.
   */
  private static List<Request> tfServingRequests(Path file, Predictor predictor) {
    List<byte[]> records = TfRecordFile.read(file, MAX_TF_SERVING_RECORDS);
    if (records.isEmpty()) {
      throw new ProdlineException(file + " holds no record; write at least one PredictionLog or remove the file");
    }
    List<Request> requests = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      String what = file + " record " + (i + 1);
      try {
        requests.add(new Request(what, WarmupLogs.frame(records.get(i), predictor, WARMUP_DECODING)));
      } catch (ProdlineException e) {
        throw new ProdlineException(what + " is not a request this model takes: " + e.getMessage(), e);
      }
    }
    return requests;
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
