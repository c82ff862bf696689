package io.prodline.serving;

import static io.prodline.serving.testing.ExternalProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.serving.testing.ExternalProcess;
import io.prodline.serving.testing.ExternalProcess.Result;
import io.prodline.serving.testing.SelfSignedTls;
import io.prodline.serving.testing.TestServer;
import io.prodline.serving.tls.TlsConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Open Inference Protocol driven by clients that share no code with prodline: curl on REST (always there, so
 * this always runs) and, where Debian's python3-grpcio and python3-grpc-tools are installed, a Python client
 * whose stubs are generated from the published proto ({@code src/test/python/v2_grpc_client.py}), in plaintext
 * and over TLS.
 */
class OpenInferenceIndependentClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestServer served = new TestServer().withGrpc();
  @TempDir
  static Path work;

  private String rest(String path) {
    return "http://127.0.0.1:" + served.server().actualPort() + path;
  }

  @Test
  void curlInfersWithJsonTensors() throws Exception {
    String body = "{\"id\": \"curl-1\", \"inputs\": ["
        + "{\"name\": \"age\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1.5]},"
        + "{\"name\": \"rooms\", \"shape\": [1], \"datatype\": \"INT64\", \"data\": [3]},"
        + "{\"name\": \"city\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"b\"]}]}";
    Result infer = run(List.of("curl", "-sS", "--fail-with-body", "-H", "Content-Type: application/json",
        "-d", body, rest("/v2/models/houses/infer")));
    assertThat(infer.exitCode()).as(infer.output()).isZero();
    assertThat(infer.output()).isEqualTo("{\"model_name\":\"houses\",\"model_version\":\"2\",\"id\":\"curl-1\","
        + "\"outputs\":[{\"name\":\"predictions\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[263.0]}]}");

    Result ready = run(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", rest("/v2/health/ready")));
    assertThat(ready.output()).isEqualTo("200");
  }

  @Test
  void curlRoundTripsBinaryTensorData() throws Exception {
    String header = "{\"inputs\": [{\"name\": \"x\", \"shape\": [2], \"datatype\": \"FP32\", "
        + "\"parameters\": {\"binary_data_size\": 8}}, {\"name\": \"y\", \"shape\": [2], \"datatype\": \"FP32\", "
        + "\"data\": [0, 1]}], \"parameters\": {\"binary_data_output\": true}}";
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer body = ByteBuffer.allocate(json.length + 8).order(ByteOrder.LITTLE_ENDIAN)
        .put(json).putFloat(0.25f).putFloat(1f);
    Path request = Files.write(work.resolve("request.bin"), body.array());
    Path answer = work.resolve("answer.bin");
    Path headers = work.resolve("headers.txt");

    Result infer = run(List.of("curl", "-sS", "--fail-with-body", "-D", headers.toString(), "-o", answer.toString(),
        "-H", "Inference-Header-Content-Length: " + json.length, "-H", "Content-Type: application/octet-stream",
        "--data-binary", "@" + request, rest("/v2/models/iris/infer")));
    assertThat(infer.exitCode()).as(infer.output()).isZero();

    int jsonLength = Files.readAllLines(headers).stream()
        .filter(line -> line.toLowerCase().startsWith("inference-header-content-length:"))
        .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
        .findFirst().orElseThrow(() -> new AssertionError("no Inference-Header-Content-Length in the answer"));
    byte[] bytes = Files.readAllBytes(answer);
    JsonNode output = JSON.readTree(Arrays.copyOf(bytes, jsonLength)).get("outputs").get(0);
    assertThat(output.get("shape").toString()).isEqualTo("[2,3]");
    assertThat(output.get("parameters").get("binary_data_size").asInt()).isEqualTo(24);
    float[] values = new float[6];
    ByteBuffer.wrap(bytes, jsonLength, 24).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    assertThat(values).containsExactly(0.25f, 0f, 0.125f, 1f, 1f, 1f);
  }

  @Test
  void pythonGrpcClientFromThePublishedProtoInfers() throws Exception {
    assertPythonClientPasses(served.server().actualGrpcPort());
  }

  @Test
  void pythonGrpcClientInfersOverTls() throws Exception {
    TlsConfig tls = SelfSignedTls.create(work);
    try (ModelServer secure = new ModelServer(ServerConfig.defaults(served.root()).withBindAddress("127.0.0.1").withTls(tls))
        .start(0, 0)) {
      assertPythonClientPasses(secure.actualGrpcPort(), tls.certificateChain().toString());
    }
  }

  /** Runs the Python client against the gRPC port, with the CA file when there is one; skipped without grpcio. */
  private static void assertPythonClientPasses(int grpcPort, String... caFile) throws Exception {
    assertThat(ExternalProcess.runPythonGrpcClient("v2_grpc_client.py", "127.0.0.1:" + grpcPort, caFile))
        .contains("ok: typed contents give the expected predictions",
            "ok: raw_input_contents give raw_output_contents with class probabilities",
            "ok: an unknown model is NOT_FOUND");
  }
}
