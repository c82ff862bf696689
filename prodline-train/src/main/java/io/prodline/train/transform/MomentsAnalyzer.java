package io.prodline.train.transform;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.transform.FillStep;
import io.prodline.core.transform.NumericStep;
import io.prodline.core.transform.ScaleStep;
import io.prodline.core.transform.ZScoreStep;
import io.prodline.data.stats.MomentStatistics;
import io.prodline.data.stats.MomentsCombiner;
import java.util.function.Function;

/**
 * Fits the steps that need moments of the training values, from a {@link MomentsCombiner}: min/max for
 * {@link ScaleStep}, mean and population std for {@link ZScoreStep}, the mean for a {@link FillStep}.
 */
final class MomentsAnalyzer implements NumericAnalyzer {
  private final String feature;
  private final String step;
  private final Function<MomentStatistics, NumericStep> fit;
  private final MomentsCombiner moments = MomentsCombiner.create();

  private MomentsAnalyzer(String feature, String step, Function<MomentStatistics, NumericStep> fit) {
    this.feature = feature;
    this.step = step;
    this.fit = fit;
  }

  static MomentsAnalyzer scaleToZeroOne(String feature) {
    return new MomentsAnalyzer(feature, "scale_to_0_1", m -> new ScaleStep(m.min(), m.max()));
  }

  static MomentsAnalyzer zscore(String feature) {
    return new MomentsAnalyzer(feature, "zscore", m -> new ZScoreStep(m.mean(), m.stdDev()));
  }

  static MomentsAnalyzer meanFill(String feature) {
    return new MomentsAnalyzer(feature, "fill with mean", m -> new FillStep(m.mean()));
  }

  @Override
  public void add(double[] values) {
    moments.add(Float64Column.of(values));
  }

  @Override
  public void merge(NumericAnalyzer other) {
    moments.merge(((MomentsAnalyzer) other).moments);
  }

  @Override
  public NumericStep result(double extraValue, long extraCount) {
    MomentsCombiner all = MomentsCombiner.fromBytes(moments.toBytes());
    RepeatedValues.add(extraValue, extraCount, all::add);
    MomentStatistics stats = all.result();
    if (stats.mean() == null) {
      throw new ProdlineException("feature '" + feature + "': " + step + " needs at least one finite training "
          + "value, but there is none");
    }
    return fit.apply(stats);
  }
}
