/**
 * What a pipeline is: a DAG of steps, each a {@link io.prodline.pipeline.model.Component} with typed inputs and
 * outputs ({@link io.prodline.pipeline.model.ArtifactType}) and a checked configuration.
 *
 * <p>A pipeline is written in YAML ({@link io.prodline.pipeline.model.PipelineYaml}) or built in Java
 * ({@link io.prodline.pipeline.model.PipelineBuilder}); both go through one
 * {@link io.prodline.pipeline.model.PipelineValidator}, which checks everything (unknown keys and components,
 * missing files, type mismatches, cycles) before anything runs, and reports every problem at once with the YAML
 * line it sits on. The format is described in {@code docs/pipelines.md} and, for editors, in
 * {@code docs/pipeline.schema.json}, generated from the components by
 * {@link io.prodline.pipeline.model.PipelineJsonSchema}.
 */
package io.prodline.pipeline.model;
