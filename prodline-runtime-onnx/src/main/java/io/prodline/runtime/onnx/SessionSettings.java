package io.prodline.runtime.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.prodline.core.error.ProdlineException;

/**
 * The ONNX Runtime session options models are served with. The server already runs requests in parallel, one per
 * prediction worker, so by default a request runs on its worker's thread alone ({@value #INTRA_OP_THREADS} = 1):
 * for models this size more threads per request only add hand-offs. A large model may gain from a few; their
 * pool then does not spin between operators waiting for work, since on a busy server that CPU belongs to the
 * other requests.
 */
final class SessionSettings {
  /** System property: intra-op threads per session, at least 1. */
  static final String INTRA_OP_THREADS = "prodline.onnx.intraOpThreads";

  private SessionSettings() {}

  /** New options for one session; the caller closes them once the session is created. */
  static OrtSession.SessionOptions create() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      options.setIntraOpNumThreads(intraOpThreads());
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  /** The configured intra-op thread count, 1 when unset. */
  static int intraOpThreads() {
    String value = System.getProperty(INTRA_OP_THREADS);
    if (value == null) {
      return 1;
    }
    try {
      int threads = Integer.parseInt(value.trim());
      if (threads >= 1) {
        return threads;
      }
    } catch (NumberFormatException ignored) {
      // Reported below with the accepted values.
    }
    throw new ProdlineException(INTRA_OP_THREADS + " is '" + value + "'; it must be a whole number of threads, 1 or"
        + " more");
  }
}
