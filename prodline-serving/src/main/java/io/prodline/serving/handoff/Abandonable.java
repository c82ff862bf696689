package io.prodline.serving.handoff;

/**
 * Work handed to the prediction workers that holds something a caller waits for (an answer, a version handle).
 * When the workers are stopped with work still queued, whoever stops them calls {@link #abandon()} on each such
 * task instead of dropping it silently, so that no answer and no handle is left waiting forever.
 */
public interface Abandonable {
  /** Gives up without running: fails what waits for this task and releases what it holds. */
  void abandon();
}
