package io.prodline.serving.grpc;

import io.prodline.serving.grpc.v2.InferBatchStatistics;
import io.prodline.serving.grpc.v2.InferStatistics;
import io.prodline.serving.grpc.v2.ModelStatistics;
import io.prodline.serving.grpc.v2.ModelStatisticsResponse;
import io.prodline.serving.grpc.v2.StatisticDuration;
import io.prodline.serving.statistics.ModelStat;
import io.prodline.serving.statistics.ModelStat.DurationStat;
import java.util.List;

/** Triton's statistics extension in its gRPC messages: {@link ModelStat}s field by field. */
final class GrpcStatistics {
  private GrpcStatistics() {}

  static ModelStatisticsResponse response(List<ModelStat> stats) {
    ModelStatisticsResponse.Builder response = ModelStatisticsResponse.newBuilder();
    for (ModelStat stat : stats) {
      ModelStat.InferenceStats inference = stat.inferenceStats();
      ModelStatistics.Builder model = response.addModelStatsBuilder()
          .setName(stat.name())
          .setVersion(stat.version())
          .setLastInference(stat.lastInference())
          .setInferenceCount(stat.inferenceCount())
          .setExecutionCount(stat.executionCount())
          .setInferenceStats(InferStatistics.newBuilder()
              .setSuccess(duration(inference.success()))
              .setFail(duration(inference.fail()))
              .setQueue(duration(inference.queue()))
              .setComputeInput(duration(inference.computeInput()))
              .setComputeInfer(duration(inference.computeInfer()))
              .setComputeOutput(duration(inference.computeOutput()))
              .setCacheHit(duration(inference.cacheHit()))
              .setCacheMiss(duration(inference.cacheMiss())));
      for (ModelStat.BatchStat batch : stat.batchStats()) {
        model.addBatchStats(InferBatchStatistics.newBuilder()
            .setBatchSize(batch.batchSize())
            .setComputeInput(duration(batch.computeInput()))
            .setComputeInfer(duration(batch.computeInfer()))
            .setComputeOutput(duration(batch.computeOutput())));
      }
    }
    return response.build();
  }

  private static StatisticDuration duration(DurationStat stat) {
    return StatisticDuration.newBuilder().setCount(stat.count()).setNs(stat.ns()).build();
  }
}
