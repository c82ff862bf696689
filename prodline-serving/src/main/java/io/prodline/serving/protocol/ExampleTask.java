package io.prodline.serving.protocol;

import io.prodline.core.bundle.Task;

/**
 * TF Serving's two calls that take examples and the models that answer them: classify a classification model
 * (binary or multiclass), regress a regression model. REST and gRPC refuse a mismatch with the same sentence, each
 * naming its own calls, before any example is read.
 */
public enum ExampleTask {
  CLASSIFY("a classification"),
  REGRESS("a regression");

  /** The kind of model the task needs, for messages. */
  private final String needs;

  ExampleTask(String needs) {
    this.needs = needs;
  }

  public boolean answeredBy(Task task) {
    return this == CLASSIFY ? task.isClassification() : task == Task.REGRESSION;
  }

  /**
   * Refuses a model whose {@code task} does not answer this one.
   *
   * @param call the call as the protocol names it: {@code :classify}, {@code Classify}
   * @param instead the calls the model does answer: {@code :regress or :predict}
   * @throws BadRequestException naming the model, its task and what to call instead
   */
  public void require(String model, long version, Task task, String call, String instead) {
    if (!answeredBy(task)) {
      throw new BadRequestException("model '" + model + "' version " + version + " is a " + task.fileName()
          + " model; " + call + " needs " + needs + " model, use " + instead);
    }
  }
}
