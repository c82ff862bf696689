/**
 * The standard components, named as TFX names them: {@link io.prodline.pipeline.components.ExampleGen} (CSV,
 * deterministic hash split), {@link io.prodline.pipeline.components.StatisticsGen},
 * {@link io.prodline.pipeline.components.SchemaGen} and {@link io.prodline.pipeline.components.ImportSchemaGen},
 * {@link io.prodline.pipeline.components.ExampleValidator} (fail or warn by policy),
 * {@link io.prodline.pipeline.components.Trainer}, {@link io.prodline.pipeline.components.Evaluator} (against
 * the registry's champion), {@link io.prodline.pipeline.components.InfraValidator} (a real server on a loopback
 * port, latency and memory budgets), {@link io.prodline.pipeline.components.Pusher} (registry, then the serving
 * directory projected from it by {@link io.prodline.pipeline.components.ServingDirectory}), and
 * {@link io.prodline.pipeline.components.CommandComponent} for any program declared in YAML.
 *
 * <p>Each is a thin adapter: the work is done by the modules that own it (prodline-data, prodline-train,
 * prodline-serving); a component only reads its input folders, calls them and writes its output folders. The
 * on-disk layout of each artifact type is described in {@code docs/pipelines.md}.
 */
package io.prodline.pipeline.components;
