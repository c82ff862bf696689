package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.testing.ExternalProcess;
import io.prodline.serving.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TF Serving's gRPC API driven by a client that shares no code with prodline: where Debian's python3-grpcio and
 * python3-grpc-tools are installed, a Python client whose stubs are generated from the TF Serving protos
 * ({@code src/test/python/tfserving_grpc_client.py}), calling {@code PredictionServiceStub} ({@code Predict},
 * {@code Classify}, {@code Regress} and {@code MultiInference} with {@code tf.Example}s, {@code GetModelMetadata}) and
 * {@code ModelServiceStub} as a tensorflow-serving-api client does.
 */
class TfServingIndependentClientTest {
  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc();

  @Test
  void pythonClientFromTheTfServingProtosPredictsClassifiesRegressesAndReadsMetadataAndStatus() throws Exception {
    assertThat(ExternalProcess.runPythonGrpcClient("tfserving_grpc_client.py",
        "127.0.0.1:" + served.server().actualGrpcPort())).contains("ok: typed values give the expected predictions",
        "ok: version_label stable is answered by version 1",
        "ok: tensor_content gives class probabilities of shape [2, 3]",
        "ok: Classify answers every class with its score",
        "ok: Regress answers one value per example, the context shared by every example",
        "ok: MultiInference answers its task as Regress does",
        "ok: the serving_default signature lists the houses inputs with their dtypes",
        "ok: GetModelStatus lists every version, the broken one not available",
        "ok: an unknown model is NOT_FOUND",
        "ok: HandleReloadConfigRequest needs the management API");
  }
}
