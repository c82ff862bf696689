import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ModelMetadataRequest;
import io.prodline.serving.grpc.v2.ModelMetadataResponse;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for the Open Inference Protocol over gRPC, the counterpart of wrk for the REST port:
 * CONCURRENCY calls in flight on one HTTP/2 connection, each answered call followed at once by the next, for
 * SECONDS (warm-up is a run of its own: see grpc_cpu_per_request.sh). The request is built from the model's own metadata (ModelMetadata): every input with
 * ROWS rows of seeded random values, sent as {@code raw_input_contents} (little-endian binary, the fast path of the
 * protocol). Prints the answered calls per second and the latency percentiles of the measured window; any call
 * that fails stops the run with its status.
 *
 * <p>Run with the source launcher: java -cp 'prodline-app/target/dist/lib/*' bench/serving/GrpcLoad.java
 * HOST:PORT MODEL ROWS CONCURRENCY SECONDS
 */
public class GrpcLoad {
  public static void main(String[] args) throws Exception {
    String target = args[0];
    String model = args[1];
    int rows = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    ManagedChannel channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
    try {
      GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub = GRPCInferenceServiceGrpc.newStub(channel);
      ModelMetadataResponse metadata = GRPCInferenceServiceGrpc.newBlockingStub(channel)
          .modelMetadata(ModelMetadataRequest.newBuilder().setName(model).build());
      ModelInferRequest request = request(metadata, rows);
      long[] latencies = run(stub, request, concurrency, seconds);
      Arrays.sort(latencies);
      System.out.printf(Locale.ROOT, "grpc %s %drow c%d calls/s=%.0f p50=%.3fms p90=%.3fms p99=%.3fms calls=%d%n",
          model, rows, concurrency, latencies.length / (double) seconds, percentile(latencies, 0.50),
          percentile(latencies, 0.90), percentile(latencies, 0.99), latencies.length);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Every input of the model, {@code rows} rows of seeded random values in its datatype. */
  private static ModelInferRequest request(ModelMetadataResponse metadata, int rows) {
    ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(metadata.getName());
    SplittableRandom random = new SplittableRandom(1);
    for (ModelMetadataResponse.TensorMetadata input : metadata.getInputsList()) {
      long[] shape = input.getShapeList().stream().mapToLong(d -> d < 0 ? rows : d).toArray();
      long values = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
      ByteBuffer bytes;
      switch (input.getDatatype()) {
        case "FP32" -> {
          bytes = ByteBuffer.allocate(Math.toIntExact(4 * values)).order(ByteOrder.LITTLE_ENDIAN);
          for (long i = 0; i < values; i++) {
            bytes.putFloat((float) random.nextGaussian());
          }
        }
        case "FP64" -> {
          bytes = ByteBuffer.allocate(Math.toIntExact(8 * values)).order(ByteOrder.LITTLE_ENDIAN);
          for (long i = 0; i < values; i++) {
            bytes.putDouble(random.nextGaussian());
          }
        }
        default -> throw new IllegalArgumentException("input " + input.getName() + " is " + input.getDatatype()
            + "; this load generator sends FP32 and FP64 only");
      }
      request.addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName(input.getName())
          .setDatatype(input.getDatatype()).addAllShape(Arrays.stream(shape).boxed().toList()));
      request.addRawInputContents(ByteString.copyFrom(bytes.flip()));
    }
    return request.build();
  }

  /** Keeps {@code concurrency} calls in flight for {@code seconds}; returns each answered call's latency (ns). */
  private static long[] run(GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub, ModelInferRequest request,
      int concurrency, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    // Room for 200,000 calls a second, far above what one client JVM drives on a small machine.
    long[] latencies = new long[(int) Math.min(1 << 24, 200_000L * seconds)];
    AtomicLong answered = new AtomicLong();
    AtomicBoolean failed = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      call(stub, request, end, latencies, answered, failed, done);
    }
    done.await();
    if (failed.get()) {
      throw new IllegalStateException("a call failed; see above");
    }
    return Arrays.copyOf(latencies, (int) Math.min(answered.get(), latencies.length));
  }

  private static void call(GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub, ModelInferRequest request,
      long end, long[] latencies, AtomicLong answered, AtomicBoolean failed, CountDownLatch done) {
    long start = System.nanoTime();
    if (start >= end || failed.get()) {
      done.countDown();
      return;
    }
    stub.modelInfer(request, new StreamObserver<>() {
      @Override
      public void onNext(ModelInferResponse response) {}

      @Override
      public void onError(Throwable t) {
        System.err.println("call failed: " + t);
        failed.set(true);
        done.countDown();
      }

      @Override
      public void onCompleted() {
        long at = answered.getAndIncrement();
        if (at < latencies.length) {
          latencies[(int) at] = System.nanoTime() - start;
        }
        call(stub, request, end, latencies, answered, failed, done);
      }
    });
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
