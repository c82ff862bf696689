package io.prodline.pipeline.model;

import java.util.Objects;

/**
 * Data a step reads from outside the pipeline that its configuration does not name as one {@code file} setting:
 * each span file of a directory or glob, or the rows a SQL query returned. The runner puts {@code fingerprint}
 * into the cache key under {@code name} and records a {@code DataFile} artifact ({@code uri}, {@code fingerprint})
 * as an input of the execution, so lineage reaches the data.
 *
 * @param name the key in the cache key and the input event's key; unique within the step
 * @param uri where the data is: an absolute file path, or a JDBC URL (credentials left out) with its query
 * @param fingerprint SHA-256 of the content, lower-case hex
 */
public record DataInput(String name, String uri, String fingerprint) {
  public DataInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
