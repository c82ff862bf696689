package io.prodline.serving.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.lifecycle.VersionPolicy;
import io.prodline.serving.protocol.Json;
import io.prodline.serving.protocol.NonFiniteInputs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Triton's ModelConfig JSON for each kind of version policy, with and without dynamic batching. */
class ModelConfigTest {
  private static final ModelMetadata GRAPH = new ModelMetadata("mlp", List.of("3"), "prodline_onnx",
      List.of(new TensorMetadata("features", "FP32", new long[] {-1, 30})),
      List.of(new TensorMetadata("score", "FP32", new long[] {-1, 1})));

  private static String json(VersionPolicy policy, Optional<BatchingConfig> batching) {
    return new String(Json.write(ModelConfig.of(GRAPH, policy, 500, batching,
        NonFiniteInputs.NAN_ONLY)), StandardCharsets.UTF_8);
  }

  @Test
  void aBatchingServerDescribesItsQueueDelayAndTheNewestVersionsPolicy() {
    BatchingConfig batching = BatchingConfig.on(64, Duration.ofNanos(2_500_900), 100);
    assertThat(json(new VersionPolicy.Latest(2), Optional.of(batching))).isEqualTo("{\"name\":\"mlp\","
        + "\"platform\":\"prodline_onnx\",\"backend\":\"prodline\",\"max_batch_size\":500,"
        + "\"version_policy\":{\"latest\":{\"num_versions\":2}},"
        + "\"input\":[{\"name\":\"features\",\"data_type\":\"TYPE_FP32\",\"dims\":[30]}],"
        + "\"output\":[{\"name\":\"score\",\"data_type\":\"TYPE_FP32\",\"dims\":[1]}],"
        + "\"dynamic_batching\":{\"max_queue_delay_microseconds\":2500},"
        + "\"parameters\":{\"allow_infinity\":{\"string_value\":\"false\"},"
        + "\"allow_nan\":{\"string_value\":\"true\"}}}");
  }

  @Test
  void specificVersionsAreListedInOrderAndNoBatchingMeansNoDynamicBatching() {
    String config = json(new VersionPolicy.Specific(Set.of(7L, 3L, 12L)), Optional.empty());
    assertThat(config).contains("\"version_policy\":{\"specific\":{\"versions\":[3,7,12]}}")
        .doesNotContain("dynamic_batching");
    assertThat(json(new VersionPolicy.All(), Optional.empty())).contains("\"version_policy\":{\"all\":{}}");
  }
}
