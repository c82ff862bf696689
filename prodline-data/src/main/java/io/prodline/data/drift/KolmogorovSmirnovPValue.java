package io.prodline.data.drift;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Two-sided p-value of the two-sample Kolmogorov–Smirnov statistic {@code d} for sample sizes {@code n} and
 * {@code m}: the probability, under the null hypothesis that both samples come from one continuous
 * distribution, of a statistic at least {@code d}. As scipy's {@code ks_2samp(method='auto')}:
 *
 * <ul>
 *   <li>{@link Method#EXACT} when {@code max(n, m) <= 10000}: {@code d} is first rounded to the lattice of
 *       attainable values {@code h / lcm(n, m)}, then the probability that a uniformly random monotone lattice
 *       path from (0, 0) to (n, m) ever reaches {@code |i/n - j/m| >= h / lcm(n, m)} is summed over the first
 *       exit steps (a sum of positive terms, so small p-values keep their relative precision);
 *   <li>{@link Method#ASYMPTOTIC} otherwise: Stephens' (1970) form of Smirnov's limit, {@code Q_KS((sqrt(N) +
 *       0.12 + 0.11 / sqrt(N)) d)} with {@code N = round(n m / (n + m))} and {@code Q_KS(x) = 2 sum_{k>=1}
 *       (-1)^(k-1) exp(-2 k^2 x^2)}. scipy instead evaluates the finite-N one-sample distribution
 *       {@code kstwo.sf(d, N)}; the two differ by under 3% relative for N >= 30 and under 1% for N >= 5000
 *       (at x <= 2).
 * </ul>
 */
public final class KolmogorovSmirnovPValue {
  /** Largest sample size for which the exact p-value is computed (scipy's {@code MAX_AUTO_N}). */
  public static final int MAX_EXACT_N = 10_000;

  /** How a p-value was computed; {@code exact} or {@code asymptotic} in JSON. */
  public enum Method {
    EXACT,
    ASYMPTOTIC;

    @JsonValue
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private KolmogorovSmirnovPValue() {}

  public static Method method(long n, long m) {
    return Math.max(n, m) <= MAX_EXACT_N ? Method.EXACT : Method.ASYMPTOTIC;
  }

  /** The p-value of statistic {@code d} in [0, 1] for sample sizes {@code n, m >= 1}. */
  public static double pValue(double d, long n, long m) {
    if (n < 1 || m < 1) {
      throw new IllegalArgumentException("sample sizes must be >= 1, got " + n + " and " + m);
    }
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException("the statistic must be within [0, 1], got " + d);
    }
    return method(n, m) == Method.EXACT ? exact(d, (int) n, (int) m) : asymptotic(d, n, m);
  }

  static double exact(double d, int n, int m) {
    long g = gcd(n, m);
    long lcm = n / g * m;
    long h = Math.round(d * lcm);
    if (h == 0) {
      return 1.0;
    }
    long bound = h * g; // |i/n - j/m| >= h/lcm  <=>  |i m - j n| >= h g
    double[] row = new double[m + 1];
    double[] next = new double[m + 1];
    row[0] = 1.0;
    double outside = 0;
    for (int i = 0; i <= n; i++) {
      int low = (int) Math.max(0, Math.floorDiv((long) i * m - bound, n));
      int high = (int) Math.min(m, Math.floorDiv((long) i * m + bound, n) + 1);
      for (int j = low; j <= high; j++) {
        double mass = row[j];
        row[j] = 0;
        int restX = n - i;
        int restY = m - j;
        if (mass == 0 || restX + restY == 0) {
          continue;
        }
        double total = restX + restY;
        if (restX > 0) {
          double step = mass * restX / total;
          if (inside(i + 1, j, n, m, bound)) {
            next[j] += step;
          } else {
            outside += step;
          }
        }
        if (restY > 0) {
          double step = mass * restY / total;
          if (inside(i, j + 1, n, m, bound)) {
            row[j + 1] += step;
          } else {
            outside += step;
          }
        }
      }
      double[] t = row;
      row = next;
      next = t;
    }
    return Math.min(1.0, outside);
  }

  private static boolean inside(long i, long j, long n, long m, long bound) {
    return Math.abs(i * m - j * n) < bound;
  }

  static double asymptotic(double d, long n, long m) {
    double en = Math.rint((double) n * m / ((double) n + m));
    double root = Math.sqrt(en);
    return kolmogorovSurvival((root + 0.12 + 0.11 / root) * d);
  }

  /** {@code Q_KS(x) = P(K > x)} of the Kolmogorov distribution, to double precision. */
  static double kolmogorovSurvival(double x) {
    if (x <= 0.2) {
      return 1.0;
    }
    if (x < 1.18) {
      // Jacobi theta form of the CDF, fast for small x: sqrt(2 pi)/x sum exp(-(2k-1)^2 pi^2 / (8 x^2)).
      double sum = 0;
      for (int k = 1; k <= 10; k++) {
        sum += Math.exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8 * x * x));
      }
      return Math.max(0, Math.min(1, 1 - Math.sqrt(2 * Math.PI) / x * sum));
    }
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      double term = Math.exp(-2.0 * k * k * x * x);
      sum += (k % 2 == 1 ? term : -term);
      if (term < 1e-18 * sum) {
        break;
      }
    }
    return Math.max(0, Math.min(1, 2 * sum));
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
