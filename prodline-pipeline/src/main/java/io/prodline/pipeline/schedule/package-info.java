/**
 * Running a pipeline when something happens: on a cron schedule ({@link io.prodline.pipeline.schedule.CronTrigger})
 * or when a new span lands in a watched location ({@link io.prodline.pipeline.schedule.WatchTrigger}).
 * {@link io.prodline.pipeline.schedule.PipelineScheduler} asks every trigger on each tick and hands what fired to a
 * {@link io.prodline.pipeline.schedule.CoalescingRunner}, which never runs the pipeline twice at once. Time comes in
 * as an argument ({@code tick(now)}) and runs go to an executor, so tests drive both without sleeping.
 */
package io.prodline.pipeline.schedule;
