package io.prodline.pipeline.export;

import io.prodline.core.error.ProdlineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the steps of an exported workflow keep their outputs, one folder per workflow run
 * ({@code {{workflow.name}}}), step and output. Pods share no disk, so the root is either an S3 bucket, through
 * which Argo itself moves each output as an artifact, or a path that every pod mounts (a shared volume), passed to
 * the steps as plain locations.
 */
public sealed interface ArtifactRoot {
  /** Argo's name of the running workflow, unique per submission, so runs never overwrite each other. */
  String RUN = "{{workflow.name}}";

  /**
   * Parses {@code s3://bucket/prefix}, an absolute path, or a {@code file:} URI. A relative path is refused: it
   * would mean a different folder in every pod.
   */
  static ArtifactRoot parse(String text) {
    if (text.startsWith("s3://")) {
      String rest = text.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String prefix = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
      if (bucket.isBlank()) {
        throw new ProdlineException("artifact root '" + text + "' names no bucket; write s3://BUCKET/PREFIX");
      }
      return new S3(bucket, prefix);
    }
    String path = text;
    if (text.startsWith("file:")) {
      try {
        path = Path.of(new URI(text)).toString();
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new ProdlineException("artifact root '" + text + "' is not a valid file: URI (" + e.getMessage() + ")");
      }
    } else if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new ProdlineException("artifact root '" + text + "' has an unsupported scheme; use s3://BUCKET/PREFIX, "
          + "an absolute path on a volume every pod mounts, or a file: URI");
    }
    if (!path.startsWith("/")) {
      throw new ProdlineException("artifact root '" + text + "' is a relative path, which would differ in every pod; "
          + "give an absolute path on a volume every pod mounts, or s3://BUCKET/PREFIX");
    }
    return new SharedPath(trimTrailingSlashes(path));
  }

  /**
   * Outputs go to an S3 bucket as Argo artifacts: Argo uploads a step's output folder after the step and downloads
   * it into the pods of the steps that read it. The endpoint and credentials are those of the namespace's artifact
   * repository (Argo's key-only artifacts), so {@code bucket} must be that repository's bucket.
   */
  record S3(String bucket, String prefix) implements ArtifactRoot {
    /** The object key of one output of one step in one run. */
    public String key(String step, String output) {
      return (prefix.isEmpty() ? "" : prefix + "/") + RUN + "/" + step + "/" + output;
    }
  }

  /** Outputs go to folders under {@code path}, which every pod mounts at the same place. */
  record SharedPath(String path) implements ArtifactRoot {
    /** The folder of one output of one step in one run; {@code root} is how the workflow spells this root. */
    public String location(String root, String step, String output) {
      return root + "/" + RUN + "/" + step + "/" + output;
    }
  }

  private static String trimSlashes(String s) {
    String t = s;
    while (t.startsWith("/")) {
      t = t.substring(1);
    }
    return trimTrailingSlashes(t);
  }

  private static String trimTrailingSlashes(String s) {
    String t = s;
    while (t.length() > 1 && t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
