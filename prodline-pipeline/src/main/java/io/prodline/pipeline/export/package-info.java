/**
 * Running a pipeline somewhere other than this machine. {@link io.prodline.pipeline.export.ArgoWorkflowCompiler}
 * compiles a pipeline to an Argo Workflows manifest: one DAG task and one container template per step, every
 * container the same prodline image running {@code prodline pipeline run-step}, which
 * {@link io.prodline.pipeline.export.SingleStepRunner} implements: exactly one step, its inputs and outputs given
 * as locations. Retries, timeouts and the order of steps are then Argo's job, not the local runner's.
 */
package io.prodline.pipeline.export;
