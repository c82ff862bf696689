package io.prodline.serving.protocol.v2;

import io.prodline.serving.ModelServer;
import java.util.List;

/**
 * What the server says about itself in the Open Inference Protocol.
 *
 * @param name always {@code prodline}
 * @param version the release, read from the jar's manifest; {@code development} when run from classes
 * @param extensions the protocol extensions supported
 */
public record ServerMetadata(String name, String version, List<String> extensions) {
  /** The binary tensor data extension, on REST; gRPC always has raw contents. */
  public static final String BINARY_TENSOR_DATA = "binary_tensor_data";
  /** Triton's statistics extension, on REST and gRPC. */
  public static final String STATISTICS = "statistics";
  /** Triton's classification extension (an output's top classes as text), on REST and gRPC. */
  public static final String CLASSIFICATION = "classification";

  static ServerMetadata current() {
    String version = ModelServer.class.getPackage().getImplementationVersion();
    return new ServerMetadata("prodline", version == null ? "development" : version,
        List.of(BINARY_TENSOR_DATA, CLASSIFICATION, ModelConfig.EXTENSION, STATISTICS));
  }
}
