package io.prodline.core.runtime.xgboost;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two things of an XGBoost objective that matter at prediction time: how the saved {@code base_score} (kept in
 * output space) becomes the starting margin, and how the summed margin becomes the output. Each step copies
 * XGBoost's float32 code ({@code ProbToMargin}, {@code PredTransform}) so results agree to the ulp.
 */
enum Objective {
  /** Regression and ranking objectives whose output is the margin itself. */
  IDENTITY(List.of("reg:squarederror", "reg:linear", "reg:squaredlogerror", "reg:pseudohubererror",
      "reg:absoluteerror", "reg:quantileerror", "rank:pairwise", "rank:ndcg", "rank:map")) {
    @Override
    float baseScoreToMargin(float p) {
      return p;
    }

    @Override
    void transform(float[] margins, int off, int groups, float[] out, int outOff) {
      System.arraycopy(margins, off, out, outOff, groups);
    }
  },
  /** Logistic regression: base score is a probability, output is the sigmoid of the margin. */
  LOGISTIC(List.of("binary:logistic", "reg:logistic")) {
    @Override
    float baseScoreToMargin(float p) {
      return logit(p);
    }

    @Override
    void transform(float[] margins, int off, int groups, float[] out, int outOff) {
      for (int g = 0; g < groups; g++) {
        out[outOff + g] = sigmoid(margins[off + g]);
      }
    }
  },
  /** Logistic regression that outputs the raw margin; its base score is saved as a margin already. */
  LOGIT_RAW(List.of("binary:logitraw")) {
    @Override
    float baseScoreToMargin(float p) {
      return p;
    }

    @Override
    void transform(float[] margins, int off, int groups, float[] out, int outOff) {
      System.arraycopy(margins, off, out, outOff, groups);
    }
  },
  /** Log-link objectives: base score is a mean, output is exp of the margin. */
  LOG_LINK(List.of("count:poisson", "reg:gamma", "reg:tweedie")) {
    @Override
    float baseScoreToMargin(float p) {
      if (!(p > 0f)) {
        throw new ModelFormatException("base_score " + p + " must be positive for a log-link objective");
      }
      return (float) Math.log(p);
    }

    @Override
    void transform(float[] margins, int off, int groups, float[] out, int outOff) {
      for (int g = 0; g < groups; g++) {
        out[outOff + g] = (float) Math.exp(margins[off + g]);
      }
    }
  },
  /** SVM hinge loss: output is 1 when the margin is positive, else 0. */
  HINGE(List.of("binary:hinge")) {
    @Override
    float baseScoreToMargin(float p) {
      return p;
    }

    @Override
    void transform(float[] margins, int off, int groups, float[] out, int outOff) {
      for (int g = 0; g < groups; g++) {
        out[outOff + g] = margins[off + g] > 0f ? 1f : 0f;
      }
    }
  },
  /** Multiclass with one probability per class (softmax over the class margins). */
  SOFTPROB(List.of("multi:softprob")) {
    @Override
    float baseScoreToMargin(float p) {
      return p;
    }

    @Override
    void transform(float[] margins, int off, int groups, float[] out, int outOff) {
      softmax(margins, off, groups, out, outOff);
    }
  },
  /** Multiclass that outputs the index of the most likely class (first one on ties, as XGBoost). */
  SOFTMAX(List.of("multi:softmax")) {
    @Override
    float baseScoreToMargin(float p) {
      return p;
    }

    @Override
    int outputWidth(int groups) {
      return 1;
    }

    @Override
    void transform(float[] margins, int off, int groups, float[] out, int outOff) {
      int best = 0;
      for (int g = 1; g < groups; g++) {
        if (margins[off + g] > margins[off + best]) {
          best = g;
        }
      }
      out[outOff] = best;
    }
  };

  private static final Map<String, Objective> BY_NAME = index();

  private final List<String> names;

  Objective(List<String> names) {
    this.names = names;
  }

  /** The objective for an XGBoost objective name, or null when prediction for it is not supported. */
  static Objective forName(String name) {
    return BY_NAME.get(name);
  }

  /** Objective names this evaluator supports, for error messages. */
  static String supportedNames() {
    return String.join(", ", BY_NAME.keySet());
  }

  /** Converts one saved base score (in output space) into a margin; throws on values XGBoost itself rejects. */
  abstract float baseScoreToMargin(float p);

  /** Output values per row for a model with {@code groups} output groups. */
  int outputWidth(int groups) {
    return groups;
  }

  /**
   * Turns the {@code groups} margins of one row into its {@link #outputWidth} outputs; {@code out} may be the same
   * array and offset as {@code margins}.
   */
  abstract void transform(float[] margins, int off, int groups, float[] out, int outOff);

  /** XGBoost's {@code -log(1/p - 1)} in float, refusing probabilities outside (0, 1) as XGBoost does. */
  static float logit(float p) {
    if (!(p > 0f && p < 1f)) {
      throw new ModelFormatException("base_score " + p + " must be in (0, 1) for a logistic objective");
    }
    return -(float) Math.log(1.0f / p - 1.0f);
  }

  /** XGBoost's {@code common::Sigmoid}: {@code 1 / (expf(min(-x, 88.7)) + 1 + 1e-16)} in float. */
  static float sigmoid(float x) {
    float e = (float) Math.exp(Math.min(-x, 88.7f));
    float denom = e + 1.0f + 1e-16f;
    return 1.0f / denom;
  }

  /** XGBoost's {@code common::Softmax}: float exponentials of shifted margins, summed in double. */
  static void softmax(float[] margins, int off, int groups, float[] out, int outOff) {
    float max = margins[off];
    for (int g = 1; g < groups; g++) {
      max = fmax(margins[off + g], max);
    }
    double sum = 0.0;
    for (int g = 0; g < groups; g++) {
      float e = (float) Math.exp(margins[off + g] - max);
      out[outOff + g] = e;
      sum += e;
    }
    float total = (float) sum;
    for (int g = 0; g < groups; g++) {
      out[outOff + g] /= total;
    }
  }

  /** C's {@code fmaxf}: a NaN operand is ignored rather than propagated. */
  private static float fmax(float a, float b) {
    if (Float.isNaN(a)) {
      return b;
    }
    if (Float.isNaN(b)) {
      return a;
    }
    return Math.max(a, b);
  }

  private static Map<String, Objective> index() {
    Map<String, Objective> map = new TreeMap<>();
    for (Objective o : values()) {
      for (String n : o.names) {
        map.put(n, o);
      }
    }
    return map;
  }
}
