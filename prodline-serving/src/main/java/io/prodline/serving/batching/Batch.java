package io.prodline.serving.batching;

import io.prodline.core.predict.Predictions;
import io.prodline.serving.statistics.VersionStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Requests run as one model call: concatenates their rows and splits the outputs back, each request getting
 * exactly the outputs of its own rows, in order. Requests already answered (by their deadline) are left out.
 */
final class Batch {
  private final List<PendingRows> members;
  private final int rows;

  private Batch(List<PendingRows> members, int rows) {
    this.members = members;
    this.rows = rows;
  }

  /** The members still waiting for an answer; {@code null} when none is. */
  static Batch of(List<PendingRows> pending) {
    List<PendingRows> members = new ArrayList<>(pending.size());
    int rows = 0;
    for (PendingRows p : pending) {
      if (!p.result().isDone()) {
        members.add(p);
        rows += p.rows();
      }
    }
    return members.isEmpty() ? null : new Batch(members, rows);
  }

  int rows() {
    return rows;
  }

  /** All members' features, one after the other; a lone member's array itself, uncopied. */
  float[] features() {
    if (members.size() == 1) {
      return members.get(0).features();
    }
    int total = 0;
    for (PendingRows p : members) {
      total += p.features().length;
    }
    float[] all = new float[total];
    int at = 0;
    for (PendingRows p : members) {
      System.arraycopy(p.features(), 0, all, at, p.features().length);
      at += p.features().length;
    }
    return all;
  }

  /**
   * Gives each member the outputs of its rows of {@code batch}, which answers {@link #features()}: joining the rows
   * took {@code joinNanos}, the model call ran from {@code startedNanos} to {@code endedNanos}. The call is recorded
   * in {@code statistics} before any member is answered, so a client that reads the statistics after its answer
   * finds its batch there.
   */
  void complete(Predictions batch, long joinNanos, long startedNanos, long endedNanos, VersionStatistics statistics) {
    Predictions[] shares = new Predictions[members.size()];
    int width = batch.width();
    int row = 0;
    for (int i = 0; i < shares.length; i++) {
      PendingRows p = members.get(i);
      p.timing().modelRan(startedNanos, endedNanos);
      shares[i] = shares.length == 1 ? batch : new Predictions(batch.task(), batch.classes(), p.rows(), width,
          Arrays.copyOfRange(batch.values(), row * width, (row + p.rows()) * width), batch.column());
      row += p.rows();
    }
    statistics.executed(rows, joinNanos, endedNanos - startedNanos, System.nanoTime() - endedNanos);
    for (int i = 0; i < shares.length; i++) {
      members.get(i).result().complete(shares[i]);
    }
  }

  void fail(Throwable error) {
    for (PendingRows p : members) {
      p.result().completeExceptionally(error);
    }
  }
}
