package io.prodline.data.source;

import java.nio.file.Path;

/**
 * One file of a location, once read: lineage records which bytes went into a data set, and comparisons
 * (drift between spans) need to know where each span's rows came from.
 *
 * @param file the file
 * @param rows the rows read from it (bad records skipped are not counted here)
 * @param sha256 lower-case hex SHA-256 of its bytes, from {@link io.prodline.core.fingerprint.ContentFingerprint}
 */
public record Span(Path file, long rows, String sha256) {}
