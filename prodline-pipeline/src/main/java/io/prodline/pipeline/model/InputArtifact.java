package io.prodline.pipeline.model;

import java.nio.file.Path;

/**
 * A published artifact handed to a step as input: where its content lies (a directory), its type, the SHA-256
 * fingerprint of that content and its id in the metadata store.
 */
public record InputArtifact(String name, ArtifactType type, Path path, String fingerprint, long artifactId) {}
