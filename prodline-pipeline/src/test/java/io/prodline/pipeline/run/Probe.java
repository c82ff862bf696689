package io.prodline.pipeline.run;

import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test component that copies its inputs (or its {@code path} file) into its output {@code out} and counts how
 * often each step really ran; {@link #behaviour} lets a test make a step fail, hang or crash.
 */
final class Probe implements Component {
  /** What to do before the copy, per attempt. */
  interface Behaviour {
    void before(StepContext context, int attempt) throws Exception;
  }

  private final String name;
  private final int inputs;
  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  volatile Behaviour behaviour = (c, a) -> {};

  /** @param inputs how many inputs ({@code in0}, {@code in1}, …) it takes; 0 makes it a source reading {@code path} */
  Probe(String name, int inputs) {
    this.name = name;
    this.inputs = inputs;
  }

  int runs(String step) {
    return runs.getOrDefault(step, new AtomicInteger()).get();
  }

  int totalRuns() {
    return runs.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "test probe";
  }

  @Override
  public List<Parameter> parameters() {
    return inputs == 0
        ? List.of(Parameter.required("path", ParameterType.FILE, "input file"))
        : List.of(Parameter.optional("tag", ParameterType.STRING, "any text"));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    List<Port> in = java.util.stream.IntStream.range(0, inputs)
        .mapToObj(i -> Port.of("in" + i, ArtifactType.EXAMPLES)).toList();
    return new Signature(in, List.of(Port.of("out", ArtifactType.EXAMPLES)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    int attempt = runs.computeIfAbsent(context.stepName(), s -> new AtomicInteger()).incrementAndGet();
    behaviour.before(context, attempt);
    Path out = Files.createDirectories(context.output("out"));
    if (inputs == 0) {
      Files.copy(context.config().file("path"), out.resolve("data"));
    } else {
      StringBuilder text = new StringBuilder(context.stepName());
      for (var input : context.inputs().values()) {
        text.append('\n').append(Files.readString(input.path().resolve("data")));
      }
      Files.writeString(out.resolve("data"), text);
    }
  }
}
