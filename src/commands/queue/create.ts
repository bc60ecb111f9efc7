/** `batchctl queue create`: a job queue over 1-3 compute environments, from flags or --input. */
import { Command, Option } from 'commander';
import type { CreateJobQueueRequest, JobStateTimeLimitAction } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { validateCreateJobQueue } from '../../domain/validation/job-queue.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { requireComputeEnvironments, resolveSchedulingPolicyArns } from '../shared/resolve.js';
import { compact, mergeRequest, repeatable, tagOption, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { QUEUE_FLAG_FIELDS, collectTimeLimit, parseCeOrder } from './request.js';

export interface QueueCreateOptions {
  name?: string;
  priority?: number;
  ce?: string[];
  schedulingPolicy?: string;
  stateTimeLimit?: JobStateTimeLimitAction[];
  disabled?: boolean;
  tag?: Record<string, string>;
  input?: string;
}

export function queueCreateCommand(ctx: Context, runF: (ctx: Context, opts: QueueCreateOptions) => Promise<void> = runQueueCreate): Command {
  return new Command('create')
    .description('Create a job queue')
    .argument('[name]', 'name of the new queue (or jobQueueName in --input)')
    .option('--priority <n>', 'queue priority: a higher number is scheduled first on shared compute environments', wholeNumber(0))
    .option('--ce <ce>', 'compute environment NAME[:ORDER], repeatable up to 3 (order defaults to position)', repeatable)
    .option('--scheduling-policy <policy>', 'fair-share scheduling policy name or ARN (default FIFO)')
    .option('--state-time-limit <reason:duration>', 'cancel a job blocked at the head of the queue with REASON after DURATION (repeatable), e.g. INSUFFICIENT_INSTANCE_CAPACITY:4h', collectTimeLimit)
    .option('--disabled', 'create it DISABLED (it accepts no new jobs)')
    .addOption(tagOption())
    .addOption(new Option('--input <file>', 'a CreateJobQueue request (JSON or YAML); flags override its fields'))
    .addHelpText(
      'after',
      `
Examples:
  $ batchctl queue create work --priority 10 --ce fargate-ce
  $ batchctl queue create mixed --priority 1 --ce spot-ce --ce ondemand-ce     # spot first
  $ batchctl queue create fair --priority 5 --ce demo-ce --scheduling-policy teams \\
      --state-time-limit CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY:4h
  $ batchctl queue create --input queue.yaml`,
    )
    .action(async (name: string | undefined, flags: Omit<QueueCreateOptions, 'name'>) => {
      await runF(ctx, { ...flags, name });
    });
}

export async function runQueueCreate(ctx: Context, opts: QueueCreateOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const req = mergeRequest(
    file,
    compact({
      jobQueueName: opts.name,
      priority: opts.priority,
      state: opts.disabled ? 'DISABLED' : undefined,
      computeEnvironmentOrder: opts.ce ? parseCeOrder(opts.ce) : undefined,
      jobStateTimeLimitActions: opts.stateTimeLimit,
      tags: opts.tag,
    }),
  ) as unknown as CreateJobQueueRequest;
  if (!req.jobQueueName) throw new UsageError('a name is required: `batchctl queue create <name>` (or jobQueueName in --input)');
  const missing: string[] = [];
  if (req.priority === undefined) missing.push('--priority');
  if (!req.computeEnvironmentOrder?.length && !req.serviceEnvironmentOrder?.length) missing.push('--ce');
  if (missing.length) {
    throw new UsageError(`${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} required to create a job queue`, 'e.g. `batchctl queue create work --priority 10 --ce my-ce`');
  }
  if (req.state === undefined) req.state = 'ENABLED';
  const backend = await ctx.backend();
  // The API takes the policy's ARN; people know its name.
  if (opts.schedulingPolicy) req.schedulingPolicyArn = (await resolveSchedulingPolicyArns(backend, [opts.schedulingPolicy]))[0];
  const policyArn = req.schedulingPolicyArn;
  checkIssues(ctx, validateCreateJobQueue(req, { unknownMembers: 'error' }), { what: 'job queue', flags: QUEUE_FLAG_FIELDS });
  const ces = (req.computeEnvironmentOrder ?? []).map((o) => o.computeEnvironment!).filter(Boolean);
  if (ces.length) await requireComputeEnvironments(backend, ces);
  const name = req.jobQueueName;
  await runMutation(
    ctx,
    {
      title: `Create job queue ${name}`,
      steps: [{ service: 'batch', operation: 'CreateJobQueue', input: stepInput(req), title: `create job queue ${name}`, reason: `priority ${req.priority} over ${ces.join(', ') || 'its service environment'}${policyArn ? ', fair share' : ', FIFO'}` }],
    },
    { success: `Created job queue ${name}` },
  );
}
