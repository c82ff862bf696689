package io.prodline.serving.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Whether {@code /usr/bin/python3} can import grpc and grpc_tools, the Python gRPC clients' needs. */
  public static boolean pythonGrpcAvailable() throws IOException, InterruptedException {
    return Files.isExecutable(Path.of(PYTHON))
        && run(List.of(PYTHON, "-c", "import grpc, grpc_tools.protoc")).exitCode() == 0;
  }

}
