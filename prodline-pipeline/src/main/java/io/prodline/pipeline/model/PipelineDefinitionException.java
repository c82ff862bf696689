package io.prodline.pipeline.model;

import io.prodline.core.error.ProdlineException;
import java.util.List;
import java.util.stream.Collectors;

/** A pipeline that cannot run, with every problem found (not just the first), each at its line. */
public final class PipelineDefinitionException extends ProdlineException {
  private final List<Problem> problems;

  public PipelineDefinitionException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    String lines = problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    return "the pipeline is not valid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + "):\n" + lines;
  }
}
