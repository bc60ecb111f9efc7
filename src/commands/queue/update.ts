/** `batchctl queue update <queue>`: priority, compute environment order, policy, time limits. */
import { Command, Option } from 'commander';
import type { JobStateTimeLimitAction, UpdateJobQueueRequest } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { validateUpdateJobQueue } from '../../domain/validation/job-queue.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { requireComputeEnvironments, requireJobQueues, resolveSchedulingPolicyArns } from '../shared/resolve.js';
import { compact, mergeRequest, repeatable, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { QUEUE_FLAG_FIELDS, collectTimeLimit, parseCeOrder } from './request.js';

export interface QueueUpdateOptions {
  name?: string;
  priority?: number;
  ce?: string[];
  schedulingPolicy?: string;
  stateTimeLimit?: JobStateTimeLimitAction[];
  clearStateTimeLimits?: boolean;
  input?: string;
}

export function queueUpdateCommand(ctx: Context, runF: (ctx: Context, opts: QueueUpdateOptions) => Promise<void> = runQueueUpdate): Command {
  return new Command('update')
    .description('Change a job queue: priority, compute environments, scheduling policy, time limits')
    .argument('[queue]', 'job queue name or ARN (or jobQueue in --input)')
    .option('--priority <n>', 'queue priority (higher first)', wholeNumber(0))
    .option('--ce <ce>', 'compute environment NAME[:ORDER], repeatable up to 3: replaces the whole order', repeatable)
    .option('--scheduling-policy <policy>', 'scheduling policy name or ARN (a FIFO queue cannot get one; a policy can be replaced, not removed)')
    .option('--state-time-limit <reason:duration>', 'replaces the time limits: REASON:DURATION (repeatable)', collectTimeLimit)
    .option('--clear-state-time-limits', 'remove every time limit')
    .addOption(new Option('--input <file>', 'an UpdateJobQueue request (JSON or YAML); flags override its fields'))
    .addHelpText(
      'after',
      `
Use \`queue enable\` / \`queue disable\` for the state.
Examples:
  $ batchctl queue update work --priority 50
  $ batchctl queue update work --ce new-ce:1 --ce old-ce:2      # blue/green: new first
  $ batchctl queue update work --state-time-limit JOB_RESOURCE_REQUIREMENT:10m`,
    )
    .action(async (name: string | undefined, flags: Omit<QueueUpdateOptions, 'name'>) => {
      await runF(ctx, { ...flags, name });
    });
}

export async function runQueueUpdate(ctx: Context, opts: QueueUpdateOptions): Promise<void> {
  if (opts.clearStateTimeLimits && opts.stateTimeLimit) throw new UsageError('--state-time-limit and --clear-state-time-limits cannot be used together');
  const file = opts.input ? await readInputFile(opts.input) : {};
  const backend = await ctx.backend();
  const policyArn = opts.schedulingPolicy ? (await resolveSchedulingPolicyArns(backend, [opts.schedulingPolicy]))[0] : undefined;
  const req = mergeRequest(
    file,
    compact({
      jobQueue: opts.name,
      priority: opts.priority,
      computeEnvironmentOrder: opts.ce ? parseCeOrder(opts.ce) : undefined,
      schedulingPolicyArn: policyArn,
      jobStateTimeLimitActions: opts.clearStateTimeLimits ? [] : opts.stateTimeLimit,
    }),
  ) as unknown as UpdateJobQueueRequest;
  if (!req.jobQueue) throw new UsageError('name the job queue: `batchctl queue update <queue> …` (or jobQueue in --input)');
  if (!Object.entries(req).some(([k, v]) => k !== 'jobQueue' && v !== undefined)) {
    throw new UsageError(`nothing to update for ${req.jobQueue}: give at least one setting to change`, 'see `batchctl queue update --help`; `queue enable`/`queue disable` change the state');
  }
  checkIssues(ctx, validateUpdateJobQueue(req, { unknownMembers: 'error' }), { what: 'job queue update', flags: QUEUE_FLAG_FIELDS });
  const [queue] = await requireJobQueues(backend, [req.jobQueue]);
  const ces = (req.computeEnvironmentOrder ?? []).map((o) => o.computeEnvironment!).filter(Boolean);
  if (ces.length) await requireComputeEnvironments(backend, ces);
  const name = queue!.jobQueueName!;
  const changes = Object.keys(req).filter((k) => k !== 'jobQueue');
  await runMutation(
    ctx,
    {
      title: `Update job queue ${name}`,
      steps: [{ service: 'batch', operation: 'UpdateJobQueue', input: stepInput(req), title: `update job queue ${name}`, reason: `changes ${changes.join(', ')}` }],
    },
    { success: `Updated job queue ${name}` },
  );
}
