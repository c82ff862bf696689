package io.prodline.core.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Where a bundle came from: the data it was trained on (path, SHA-256, rows), the trainer and its parameters, and
 * the platform it ran on (floating-point results can differ across JVMs, operating systems and CPUs).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Provenance(
    String dataPath,
    String dataSha256,
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
  public static Provenance of(String dataPath, String dataSha256, long trainRows, long evalRows, String trainer,
      Map<String, String> parameters) {
    String version = Provenance.class.getPackage().getImplementationVersion();
    return new Provenance(dataPath, dataSha256, trainRows, evalRows, trainer, parameters,
        version == null ? "dev" : version, System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }
}
