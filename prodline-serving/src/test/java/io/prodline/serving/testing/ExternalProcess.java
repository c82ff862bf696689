package io.prodline.serving.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a client that shares no code with prodline (curl, a Python script) and collects what it printed. */
public final class ExternalProcess {
  /** Debian's Python, where python3-grpcio and python3-grpc-tools install. */
  public static final String PYTHON = "/usr/bin/python3";

  /** The exit code and the output, stdout and stderr together. */
  public record Result(int exitCode, String output) {}

  private ExternalProcess() {}

  /** Runs {@code command} in the module's directory; fails the test when it has not finished within 120 s. */
  public static Result run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try {
        process.getInputStream().transferTo(output);
      } catch (IOException e) {
        // The process died; its exit code tells.
      }
    });
    reader.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 120 s");
    }
    reader.join();
    return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
  }

  /** Whether {@code /usr/bin/python3} can import grpc and grpc_tools; asked once per test run. */
  private static Boolean pythonGrpc;

  /**
   * Runs the Python gRPC client {@code script} (in {@code src/test/python}) with {@code arguments}, against the
   * protos in {@code src/main/proto}, and returns its output once it exited 0. Skips the calling test where Debian's
   * python3-grpcio and python3-grpc-tools are missing.
   */
  public static String runPythonGrpcClient(String script, String target, String... arguments)
      throws IOException, InterruptedException {
    assumeTrue(pythonGrpcAvailable(),
        PYTHON + " cannot import grpc and grpc_tools (apt-get install python3-grpcio python3-grpc-tools)");
    List<String> command = new ArrayList<>(List.of(PYTHON, "src/test/python/" + script, target, "src/main/proto"));
    command.addAll(List.of(arguments));
    Result client = run(command);
    assertThat(client.exitCode()).as(client.output()).isZero();
    return client.output();
  }

  private static synchronized boolean pythonGrpcAvailable() throws IOException, InterruptedException {
    if (pythonGrpc == null) {
      pythonGrpc = Files.isExecutable(Path.of(PYTHON))
          && run(List.of(PYTHON, "-c", "import grpc, grpc_tools.protoc")).exitCode() == 0;
    }
    return pythonGrpc;
  }
}
