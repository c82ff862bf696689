package io.prodline.pipeline.export;

import java.util.Objects;
import java.util.Optional;

/**
 * How a pipeline is exported to Argo.
 *
 * @param image the prodline image every step runs in; it must hold {@code prodline} on its PATH and the pipeline
 *     file with the files it names
 * @param pipelineFile where the pipeline file lies inside the image (relative to its working directory or
 *     absolute); the workflow's {@code pipeline} parameter, so {@code argo submit -p pipeline=...} can change it
 * @param volumeClaim a PersistentVolumeClaim mounted at a {@link ArtifactRoot.SharedPath} root in every pod;
 *     empty when the pods get that path some other way (or the root is S3)
 * @param metadataUrl the metadata database each step records its execution into; empty to record nothing
 */
public record ArgoExportOptions(String image, ArtifactRoot artifactRoot, String pipelineFile,
    Optional<String> volumeClaim, Optional<String> metadataUrl) {
  public ArgoExportOptions {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(artifactRoot, "artifactRoot");
    Objects.requireNonNull(pipelineFile, "pipelineFile");
    Objects.requireNonNull(volumeClaim, "volumeClaim");
    Objects.requireNonNull(metadataUrl, "metadataUrl");
    if (image.isBlank()) {
      throw new IllegalArgumentException("the image must not be empty");
    }
    if (volumeClaim.isPresent() && !(artifactRoot instanceof ArtifactRoot.SharedPath)) {
      throw new IllegalArgumentException("--volume-claim mounts a path artifact root; with an s3:// root Argo moves "
          + "the artifacts and no volume is needed");
    }
  }
}
