package io.prodline.serving.protocol.v2;

/**
 * An output the client asked for.
 *
 * @param name the output's name
 * @param binary whether the REST answer carries it in the binary tensor data extension instead of JSON
 */
public record RequestedOutput(String name, boolean binary) {}
