package io.prodline.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * P-values against scipy 1.17.1, computed once with
 * {@code rng = np.random.default_rng(7); a = rng.normal(0, 1, n); b = rng.normal(shift, 1, m);
 * r = stats.ks_2samp(a, b)} for (n, m, shift) = (5, 7, 0.5), (40, 40, 0.3), (100, 37, 0.2), (3000, 2000, 0.05)
 * in that order, and {@code stats.kstwobign.sf(x)} / {@code stats.kstwo.sf(d, round(n*m/(n+m)))}.
 */
class KolmogorovSmirnovPValueTest {

  @Test
  void exactMatchesScipyKs2samp() {
    assertExact(0.5714285714285714, 5, 7, 0.23737373737373738);
    assertExact(0.35, 40, 40, 0.01430154804770646);
    assertExact(0.2245945945945946, 100, 37, 0.10966908102083399);
    assertExact(0.035666666666666666, 3000, 2000, 0.09284857026365521);
  }

  private static void assertExact(double d, int n, int m, double scipy) {
    assertThat(KolmogorovSmirnovPValue.method(n, m)).isEqualTo(KolmogorovSmirnovPValue.Method.EXACT);
    assertThat(KolmogorovSmirnovPValue.pValue(d, n, m)).isCloseTo(scipy, within(1e-12));
    assertThat(KolmogorovSmirnovPValue.pValue(d, m, n)).isCloseTo(scipy, within(1e-12));
  }

  @Test
  void zeroStatisticHasPValueOneAndFullStatisticTheSmallestMass() {
    assertThat(KolmogorovSmirnovPValue.pValue(0, 10, 12)).isEqualTo(1.0);
    // D = 1 only when all of one sample lies below the other: 2 of the C(4, 2) = 6 orderings.
    assertThat(KolmogorovSmirnovPValue.pValue(1, 2, 2)).isCloseTo(2.0 / 6, within(1e-15));
  }

  @Test
  void kolmogorovSurvivalMatchesScipyKstwobign() {
    double[][] cases = {{0.3, 0.9999906941986655}, {0.6, 0.8642827790506042}, {1.0, 0.26999967167735456},
        {1.5, 0.022217962616525127}, {2.5, 7.453306344157342e-06}};
    for (double[] c : cases) {
      assertThat(KolmogorovSmirnovPValue.kolmogorovSurvival(c[0])).isCloseTo(c[1], within(1e-14 + 1e-12 * c[1]));
    }
  }

  @Test
  void asymptoticIsWithinTheDocumentedDistanceOfScipyKstwo() {
    assertThat(KolmogorovSmirnovPValue.method(20000, 15000)).isEqualTo(KolmogorovSmirnovPValue.Method.ASYMPTOTIC);
    // N = 8571: within 1% relative; N = 30: within 3%.
    assertThat(KolmogorovSmirnovPValue.pValue(0.015, 20000, 15000))
        .isCloseTo(0.04183987751301477, within(0.01 * 0.04183987751301477));
    assertThat(KolmogorovSmirnovPValue.pValue(0.25, 12000, 30))
        .isCloseTo(0.038724156701105295, within(0.03 * 0.038724156701105295));
  }

  @Test
  void rejectsImpossibleArguments() {
    assertThatThrownBy(() -> KolmogorovSmirnovPValue.pValue(1.5, 3, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> KolmogorovSmirnovPValue.pValue(0.5, 0, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample sizes");
  }
}
