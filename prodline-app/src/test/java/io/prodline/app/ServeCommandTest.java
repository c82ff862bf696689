package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.serving.ServerConfig;
import io.prodline.serving.Transport;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.tls.TfServingSslConfig;
import io.prodline.serving.tls.TlsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code prodline serve}'s options become the server configuration; bad combinations are usage errors. */
class ServeCommandTest {
  private static ServerConfig configOf(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command.config(Path.of("models"));
  }

  @Test
  void defaultsBatchNothingAndLogNothing() {
    ServerConfig config = configOf();
    assertThat(config.batching().enabled()).isFalse();
    assertThat(config.predictionLog().enabled()).isFalse();
    assertThat(config.tls()).isNull();
    assertThat(config.limits().allowNaN()).isFalse();
  }

  @Test
  void aDelayOfZeroStillBatches() {
    // As TF Serving's and Triton's 0: no deadline, a batch takes what queues until a worker is free.
    assertThat(configOf("--batch-max-delay-ms", "0").batching())
        .isEqualTo(BatchingConfig.on(BatchingConfig.DEFAULT_MAX_ROWS, Duration.ZERO,
            BatchingConfig.DEFAULT_QUEUE_CAPACITY));
  }

  @Test
  void everyOptionReachesTheConfiguration() {
    ServerConfig config = configOf("--batch-max-rows", "32", "--batch-max-delay-ms", "3", "--batch-queue", "7",
        "--max-rows", "100", "--request-timeout-ms", "1500", "--allow-nan", "--max-body-bytes", "4096",
        "--prediction-log", "logs", "--prediction-log-queue", "9", "--prediction-log-file-mb", "1",
        "--tls-cert", "c.pem", "--tls-key", "k.pem", "--tls-client-ca", "ca.pem", "--tls-reload-seconds", "300");
    assertThat(config.batching().maxRows()).isEqualTo(32);
    assertThat(config.batching().maxDelay()).isEqualTo(Duration.ofMillis(3));
    assertThat(config.batching().queueCapacity()).isEqualTo(7);
    assertThat(config.limits().maxRows()).isEqualTo(100);
    assertThat(config.limits().timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.limits().allowNaN()).isTrue();
    assertThat(config.maxBodyBytes()).isEqualTo(4096);
    assertThat(config.predictionLog().directory()).isEqualTo(Path.of("logs"));
    assertThat(config.predictionLog().queueCapacity()).isEqualTo(9);
    assertThat(config.predictionLog().maxFileBytes()).isEqualTo(1024 * 1024);
    assertThat(config.tls()).isEqualTo(new TlsConfig(Path.of("c.pem"), Path.of("k.pem"), Path.of("ca.pem"),
        Duration.ofMinutes(5)));
    assertThat(configOf("--tls-cert", "c.pem", "--tls-key", "k.pem").tls().reloadEvery())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void tfServingsBatchingParametersFileTakesThePlaceOfTheBatchOptionsItSets(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("batching_parameters.txt"),
        "max_batch_size { value: 64 }\nbatch_timeout_micros { value: 500 }\n");
    ServerConfig config = configOf("--batch-queue", "7", "--batching-parameters", file.toString());
    assertThat(config.batching().enabled()).isTrue();
    assertThat(config.batching().maxRows()).isEqualTo(64);
    assertThat(config.batching().maxDelay()).isEqualTo(Duration.ofNanos(500_000));
    assertThat(config.batching().queueCapacity()).isEqualTo(7);

    Files.writeString(file, "max_batch_size { value: -1 }\n");
    assertThatThrownBy(() -> configOf("--batching-parameters", file.toString()))
        .isInstanceOf(ParameterException.class)
        .hasMessage(file + ": max_batch_size must be from 1 to 2147483647, got -1");
  }

  @Test
  void tfServingsMonitoringConfigAddsItsMetricsPath(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("monitoring.config"),
        "prometheus_config { enable: true path: \"/metrics/prometheus\" }\n");
    assertThat(configOf("--monitoring-config", file.toString()).metricsPath()).contains("/metrics/prometheus");
    assertThat(configOf().metricsPath()).isEmpty();
  }

  @Test
  void aCertificateWithoutAKeyAndOutOfRangeValuesAreUsageErrors() {
    assertThatThrownBy(() -> configOf("--tls-cert", "c.pem")).isInstanceOf(ParameterException.class)
        .hasMessage("--tls-cert and --tls-key go together; give both or neither");
    assertThatThrownBy(() -> configOf("--tls-client-ca", "ca.pem")).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("--tls-client-ca checks client certificates during the TLS handshake");
    assertThatThrownBy(() -> configOf("--ssl-config", "ssl.config", "--tls-cert", "c.pem", "--tls-key", "k.pem"))
        .isInstanceOf(ParameterException.class)
        .hasMessage("--ssl-config and --tls-cert both say what TLS presents; give one of them");
    assertThatThrownBy(() -> configOf("--tls-reload-seconds", "-1")).isInstanceOf(ParameterException.class)
        .hasMessage("--tls-reload-seconds must be 0 or more, got -1");
    assertThatThrownBy(() -> configOf("--batch-queue", "0")).isInstanceOf(ParameterException.class)
        .hasMessage("--batch-queue must be 1 or more, got 0");
    assertThatThrownBy(() -> configOf("--batch-max-delay-ms", "-5")).hasMessage("--batch-max-delay-ms must be 0 or "
        + "more, got -5");
    assertThatThrownBy(() -> configOf("--prediction-log-file-mb", "0")).hasMessage("--prediction-log-file-mb must "
        + "be 1 or more, got 0");
    assertThatThrownBy(() -> configOf("--request-timeout-ms", "0")).hasMessage("--request-timeout-ms must be 1 or "
        + "more, got 0");
  }

  @Test
  void transportIsTheFirstThatStartsUnlessNamed() {
    assertThat(configOf().transport()).isNull();
    assertThat(configOf("--transport", "auto").transport()).isNull();
    assertThat(configOf("--transport", "io_uring").transport()).isEqualTo(Transport.IO_URING);
    assertThat(configOf("--transport", "nio").transport()).isEqualTo(Transport.NIO);
    assertThat(configOf("--transport", "EPOLL").transport()).isEqualTo(Transport.EPOLL);
    assertThatThrownBy(() -> configOf("--transport", "kqueue")).isInstanceOf(ParameterException.class)
        .hasMessage("--transport: unknown transport 'kqueue': use auto, io_uring, epoll or nio");
  }

  @Test
  void threadsAndQueueDefaultToTheCoresAndCanBeSet() {
    ServerConfig defaults = configOf();
    // Left as the server library chooses them when not given.
    assertThat(defaults.workerThreads()).isEqualTo(ServerConfig.defaults(Path.of("models")).workerThreads());
    assertThat(defaults.ioThreads()).isEqualTo(ServerConfig.defaults(Path.of("models")).ioThreads());
    assertThat(defaults.workerQueue()).isEqualTo(ServerConfig.DEFAULT_WORKER_QUEUE);
    ServerConfig set = configOf("--worker-threads", "3", "--worker-queue", "7", "--io-threads", "5");
    assertThat(set.workerThreads()).isEqualTo(3);
    assertThat(set.workerQueue()).isEqualTo(7);
    assertThat(set.ioThreads()).isEqualTo(5);
    assertThatThrownBy(() -> configOf("--io-threads", "0")).isInstanceOf(ParameterException.class)
        .hasMessage("--io-threads must be 1 or more, got 0");
    assertThatThrownBy(() -> configOf("--worker-threads", "0")).hasMessage("--worker-threads must be 1 or more, "
        + "got 0");
  }

  @Test
  void tfServingsSslConfigFileSecuresGrpcAloneAndAnUnreadableOneIsAUsageError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("ssl.config"),
        "server_key: \"k\"\nserver_cert: \"c\"\ncustom_ca: \"a\"\nclient_verify: true\n");
    ServerConfig config = configOf("--ssl-config", file.toString(), "--tls-reload-seconds", "0");
    assertThat(config.tls()).isEqualTo(new TfServingSslConfig(file, true, Duration.ZERO));
    assertThat(config.tls().grpcOnly()).isTrue();
    Path misspelt = Files.writeString(dir.resolve("bad.config"), "server_keys: \"k\"\n");
    assertThatThrownBy(() -> configOf("--ssl-config", misspelt.toString())).isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("cannot read TF Serving SSL config " + misspelt + ": 1:1: ")
        .hasMessageContaining("server_keys");
  }
}
