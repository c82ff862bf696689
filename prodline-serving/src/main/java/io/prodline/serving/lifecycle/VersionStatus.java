package io.prodline.serving.lifecycle;

/** A version's state as reported to clients, with the error when it failed ({@code null} otherwise). */
public record VersionStatus(long version, VersionState state, String error) {}
