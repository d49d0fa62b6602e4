import type { JobRunner } from '../../jobs/runner';
import { deliver, type WebhookDeps } from './deliver';
import { WEBHOOK_JOB } from './queue';

/** Registers the webhook delivery handler on a runner (server start, and tests with their own runners). */
export function registerWebhookJobs(runner: JobRunner, deps: WebhookDeps): void {
  runner.register(WEBHOOK_JOB, (job) => deliver(deps, job));
}
