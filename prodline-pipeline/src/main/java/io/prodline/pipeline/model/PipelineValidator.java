package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns drafts into a {@link Pipeline}, checking everything that can be checked without running: step names,
 * components, configuration keys and value types, that files exist, that every input names an upstream output of
 * the right type, and that the steps form no cycle. All problems are collected and thrown together.
 */
final class PipelineValidator {
  /** Step names become folder and log file names, so they are kept to a portable alphabet. */
  private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  private final ComponentRegistry components;

  PipelineValidator(ComponentRegistry components) {
    this.components = components;
  }

  Pipeline validate(String name, Path baseDirectory, List<StepDraft> drafts, List<Problem> earlier) {
    List<Problem> problems = new ArrayList<>(earlier);
    Map<String, StepDraft> byName = new LinkedHashMap<>();
    for (StepDraft d : drafts) {
      if (!STEP_NAME.matcher(d.name()).matches()) {
        problems.add(new Problem(d.location(), "step name '" + d.name() + "' must start with a letter and hold only "
            + "letters, digits, '_' and '-' (at most 64)"));
      }
      StepDraft first = byName.putIfAbsent(d.name(), d);
      if (first != null) {
        problems.add(new Problem(d.location(), "step name '" + d.name() + "' is used twice (first at "
            + first.location() + "); step names must be unique"));
      }
    }
    Map<String, Step> partial = new LinkedHashMap<>();
    for (StepDraft d : byName.values()) {
      Component component = components.find(d.component()).orElse(null);
      if (component == null) {
        problems.add(new Problem(d.at("component"), "step '" + d.name() + "': unknown component '" + d.component()
            + "'; known components are " + components.names()));
        continue;
      }
      StepConfig config = config(d, component, baseDirectory, problems);
      Signature signature = component.signature(config, d.inputs().keySet());
      partial.put(d.name(), new Step(d.name(), component, config, Map.of(), signature, d.retry(), d.timeout(),
          d.cacheVersion(), d.location()));
    }
    Map<String, Step> steps = new LinkedHashMap<>();
    for (Step s : partial.values()) {
      StepDraft d = byName.get(s.name());
      Map<String, InputRef> inputs = inputs(d, s.signature(), partial, problems);
      steps.put(s.name(), new Step(s.name(), s.component(), s.config(), inputs, s.signature(), s.retry(),
          s.timeout(), s.cacheVersion(), s.location()));
    }
    List<Step> ordered = order(steps, problems);
    if (!problems.isEmpty()) {
      throw new PipelineDefinitionException(problems);
    }
    return new Pipeline(name, baseDirectory, ordered);
  }

  private static StepConfig config(StepDraft d, Component component, Path baseDirectory, List<Problem> problems) {
    int problemsBefore = problems.size();
    Map<String, Parameter> declared = new LinkedHashMap<>();
    component.parameters().forEach(p -> declared.put(p.name(), p));
    ObjectNode values = d.config().objectNode();
    d.config().fields().forEachRemaining(e -> {
      Parameter p = declared.get(e.getKey());
      Location at = d.at("config." + e.getKey());
      if (p == null) {
        problems.add(new Problem(at, "step '" + d.name() + "': " + component.name() + " has no setting '"
            + e.getKey() + "'; its settings are " + declared.keySet()));
      } else if (check(d, component, p, e.getValue(), at, baseDirectory, problems)) {
        values.set(e.getKey(), e.getValue());
      }
    });
    for (Parameter p : declared.values()) {
      if (!d.config().has(p.name())) {
        if (p.required()) {
          problems.add(new Problem(d.location(), "step '" + d.name() + "': " + component.name()
              + " needs setting '" + p.name() + "' (" + p.type().description() + "): " + p.description()));
        } else if (p.defaultValue() != null) {
          values.set(p.name(), p.defaultValue());
        }
      }
    }
    StepConfig config = new StepConfig(values, baseDirectory);
    for (String problem : problems.size() > problemsBefore ? List.<String>of() : component.check(config)) {
      problems.add(new Problem(d.location(), "step '" + d.name() + "': " + component.name() + ": " + problem));
    }
    return config;
  }

  private static boolean check(StepDraft d, Component component, Parameter p, JsonNode value, Location at,
      Path baseDirectory, List<Problem> problems) {
    String subject = "step '" + d.name() + "': " + component.name() + " setting '" + p.name() + "'";
    if (!p.type().accepts(value)) {
      problems.add(new Problem(at, subject + " must be " + p.type().description() + ", not " + value));
      return false;
    }
    if (p.type() == ParameterType.FILE) {
      Path file = baseDirectory.resolve(value.asText()).normalize();
      if (!Files.isRegularFile(file)) {
        problems.add(new Problem(at, subject + ": file " + file + " does not exist (relative paths start at the "
            + "pipeline file's directory)"));
        return false;
      }
    }
    if (p.type() == ParameterType.TYPE_MAP) {
      boolean ok = true;
      for (var it = value.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getValue().isTextual() || ArtifactType.byName(e.getValue().asText()).isEmpty()) {
          problems.add(new Problem(at, subject + ": '" + e.getKey() + "' has type " + e.getValue()
              + "; artifact types are " + List.of(ArtifactType.values())));
          ok = false;
        }
      }
      return ok;
    }
    return true;
  }

  private static Map<String, InputRef> inputs(StepDraft d, Signature signature, Map<String, Step> steps,
      List<Problem> problems) {
    Map<String, InputRef> inputs = new LinkedHashMap<>();
    d.inputs().forEach((inputName, text) -> {
      Location at = d.at("inputs." + inputName);
      Port port = signature.input(inputName).orElse(null);
      if (port == null) {
        problems.add(new Problem(at, "step '" + d.name() + "': " + d.component() + " has no input '" + inputName
            + "'; its inputs are " + signature.inputs().stream().map(Port::name).toList()));
        return;
      }
      InputRef ref = InputRef.parse(text).orElse(null);
      if (ref == null) {
        problems.add(new Problem(at, "step '" + d.name() + "': input '" + inputName + "' is '" + text
            + "'; write the upstream output as step.output, e.g. example_gen.examples"));
        return;
      }
      Step upstream = steps.get(ref.step());
      if (upstream == null) {
        problems.add(new Problem(at, "step '" + d.name() + "': input '" + inputName + "' reads from step '"
            + ref.step() + "', which does not exist; steps are " + steps.keySet()));
        return;
      }
      Port output = upstream.signature().output(ref.output()).orElse(null);
      if (output == null) {
        problems.add(new Problem(at, "step '" + d.name() + "': input '" + inputName + "' reads output '"
            + ref.output() + "' of step '" + ref.step() + "', which has outputs "
            + upstream.signature().outputs().stream().map(Port::name).toList()));
        return;
      }
      if (!port.accepts(output.type())) {
        problems.add(new Problem(at, "step '" + d.name() + "': input '" + inputName + "' takes "
            + port.typeText() + " but " + ref + " is " + output.typeText()));
        return;
      }
      inputs.put(inputName, ref);
    });
    for (Port port : signature.inputs()) {
      if (!port.optional() && !d.inputs().containsKey(port.name())) {
        problems.add(new Problem(d.location(), "step '" + d.name() + "': input '" + port.name() + "' ("
            + port.typeText() + ") is not connected; add it under 'inputs:' as step.output"));
      }
    }
    return inputs;
  }

  /** Kahn's algorithm, stable in the written order; steps left over lie on cycles, each reported once. */
  private static List<Step> order(Map<String, Step> steps, List<Problem> problems) {
    Map<String, Set<String>> upstream = new HashMap<>();
    steps.values().forEach(s -> {
      Set<String> ups = new LinkedHashSet<>();
      s.inputs().values().forEach(r -> ups.add(r.step()));
      upstream.put(s.name(), ups);
    });
    List<Step> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Step s : steps.values()) {
        if (!done.contains(s.name()) && done.containsAll(upstream.get(s.name()))) {
          ordered.add(s);
          done.add(s.name());
          progress = true;
        }
      }
    }
    Set<String> reported = new HashSet<>();
    for (Step s : steps.values()) {
      if (!done.contains(s.name()) && !reported.contains(s.name())) {
        List<String> cycle = cycleFrom(s.name(), upstream, done);
        if (!cycle.isEmpty()) {
          List<String> written = List.copyOf(steps.keySet());
          String first = cycle.stream().min(java.util.Comparator.comparingInt(written::indexOf)).orElseThrow();
          java.util.Collections.rotate(cycle, -cycle.indexOf(first));
          reported.addAll(cycle);
          problems.add(new Problem(steps.get(cycle.get(0)).location(), "the steps form a cycle: "
              + String.join(" -> ", cycle) + " -> " + cycle.get(0) + "; a pipeline must be a DAG"));
        }
      }
    }
    return ordered;
  }

  /** A cycle reachable upstream of {@code start} among unfinished steps, as the steps that read each other. */
  private static List<String> cycleFrom(String start, Map<String, Set<String>> upstream, Set<String> done) {
    Deque<String> path = new ArrayDeque<>();
    Set<String> onPath = new HashSet<>();
    String current = start;
    while (current != null && !onPath.contains(current)) {
      path.addLast(current);
      onPath.add(current);
      current = upstream.get(current).stream().filter(u -> !done.contains(u)).findFirst().orElse(null);
    }
    if (current == null) {
      return List.of();
    }
    List<String> cycle = new ArrayList<>();
    boolean in = false;
    for (String s : path) {
      in |= s.equals(current);
      if (in) {
        cycle.add(s);
      }
    }
    java.util.Collections.reverse(cycle);
    return cycle;
  }
}
