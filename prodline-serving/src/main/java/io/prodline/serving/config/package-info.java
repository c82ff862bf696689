/**
 * Reading the configuration files TF Serving and Triton deployments already have, which are protobuf messages in
 * text format, with one kind of error for every file.
 */
package io.prodline.serving.config;
