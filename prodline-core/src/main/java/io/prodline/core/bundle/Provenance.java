package io.prodline.core.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Where a bundle came from: the data it was trained on (path, SHA-256, rows), the feature engineering it was
 * trained with, the trainer and its parameters, and the platform it ran on (floating-point results can differ
 * across JVMs, operating systems and CPUs).
 *
 * @param transformSpecSha256 SHA-256 of the transform spec in canonical form (comments, layout and defaults written
 *     out do not change it), so two bundles show whether they were built from the same feature engineering; absent
 *     when the spec is unknown (a transform fitted elsewhere) or for bundles written before it was recorded
 * @param transformSha256 SHA-256 of the bundle's {@code transform.json}: the fitted values too; the reader checks
 *     the file against it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Provenance(
    String dataPath,
    String dataSha256,
    String transformSpecSha256,
    String transformSha256,
    long trainRows,
    long evalRows,
    String trainer,
    Map<String, String> parameters,
    String prodlineVersion,
    String javaVersion,
    String os,
    String arch) {

  public Provenance {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** The platform fields filled from this JVM. */
  public static Provenance of(String dataPath, String dataSha256, String transformSpecSha256, String transformSha256,
      long trainRows, long evalRows, String trainer, Map<String, String> parameters) {
    String version = Provenance.class.getPackage().getImplementationVersion();
    return new Provenance(dataPath, dataSha256, transformSpecSha256, transformSha256, trainRows, evalRows, trainer,
        parameters, version == null ? "dev" : version, System.getProperty("java.version"),
        System.getProperty("os.name"), System.getProperty("os.arch"));
  }
}
