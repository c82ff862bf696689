package io.prodline.pipeline.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind of pipeline step: its parameters, its typed inputs and outputs, and what it does. Implement this to
 * add a custom component in Java, and list the class in
 * {@code META-INF/services/io.prodline.pipeline.model.Component} so {@link ComponentRegistry#discover()} finds it.
 *
 * <p>A component must behave as a pure function of its inputs, its configuration and its version: the runner
 * reuses outputs whenever those are unchanged. Bump {@link #version()} when a change of code changes what it
 * writes. State it reads from outside (the registry, a clock) must be declared by {@link #extraCacheInputs}.
 */
public interface Component {
  /** The name used in YAML ({@code component: Trainer}) and as the execution type in the metadata store. */
  String name();

  /** Part of every cache key: bump it to invalidate outputs made by older code. */
  int version();

  /** One line on what it does, for the JSON Schema and {@code prodline pipeline show}. */
  String description();

  List<Parameter> parameters();

  /**
   * The inputs and outputs of a step with this configuration. {@code connected} names the inputs the step
   * connects, for components that take inputs of any name (the command component).
   */
  Signature signature(StepConfig config, Set<String> connected);

  /**
   * State outside the inputs that the outputs depend on, as name → fingerprint, added to the cache key. The
   * Evaluator declares the production model it compares against here. Called just before the cache lookup.
   */
  default Map<String, String> extraCacheInputs(StepContext context) {
    return Map.of();
  }

  /**
   * Outside data the step reads besides its {@code file} settings (the span files of a location, the rows of a
   * query), each with its content fingerprint: the runner adds them to the cache key and records them as
   * {@code DataFile} inputs in lineage. Called just before the cache lookup; throw when the data cannot be read.
   */
  default List<DataInput> dataInputs(StepConfig config) throws java.io.IOException {
    return List.of();
  }

  /**
   * Problems with a configuration that single parameters cannot express (settings that exclude each other, a
   * location that names nothing), as sentences; checked when the pipeline is loaded, once every single setting
   * has passed its own checks.
   */
  default List<String> check(StepConfig config) {
    return List.of();
  }

  /** Does the work: reads the inputs, writes every output of the signature. Throw to fail the attempt. */
  void run(StepContext context) throws Exception;
}
