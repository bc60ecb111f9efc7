/**
 * `batchctl job submit`: a SubmitJob request from flags (or the full shape from --input), checked
 * locally against every SubmitJob rule (domain/jobs/submit.ts: exit 2 naming the field, before
 * anything is sent), then against the queue, the job definition and the dependencies it names,
 * and submitted through the plan runner (confirmation, --yes, --dry-run).
 *
 * Output: the job id on stdout (so `ID=$(batchctl job submit … --yes)` works) and a success line
 * on stderr; `--quiet` only the id; `-o json` SubmitJob's `{jobArn, jobName, jobId}`.
 * `--wait` then waits like `job wait`; `--follow` follows the job's logs until it ends
 * (`batchctl logs --follow`: states on stderr, log lines on stdout) and exits with its outcome.
 */
import { Command, Option } from 'commander';
import type { JobDefinition, SubmitJobRequest, SubmitJobResponse } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { SilentError, UsageError } from '../../errors.js';
import { validateSubmitJob, type SubmitQueueView } from '../../domain/jobs/submit.js';
import { describeJobsBatched } from '../../domain/jobs/list.js';
import type { Plan } from '../../domain/plan.js';
import { jobLabel } from '../../render/job.js';
import { parseCommand, parseDecimal, parseTimeoutSeconds } from '../jobdef/request.js';
import { parseDuration, parseKeyValues } from '../shared/flags.js';
import { readInputFile } from '../shared/input-file.js';
import { stepInput, wantsMachineOutput } from '../shared/mutate.js';
import { applyPlan } from '../shared/plan-runner.js';
import { describeSchedulingPolicies, requireJobQueues, resolveJobDefinition } from '../shared/resolve.js';
import { consumableNeed, tagOption, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { warnMissingConsumables } from '../resource/shared.js';
import { SUBMIT_FLAG_FIELDS, buildSubmitRequest, parseDependency, type JobSubmitFlags } from './request.js';
import { waitAndReport } from './wait.js';
import type { Sleeper } from './shared.js';

export interface JobSubmitOptions extends JobSubmitFlags {
  input?: string;
  wait?: boolean;
  follow?: boolean;
  quiet?: boolean;
  /** With --wait/--follow: give up after this long (ms), exit 8. */
  waitTimeout?: number;
  /** Tests: see JobWaitOptions. */
  sleep?: Sleeper;
  now?: () => number;
  random?: () => number;
}

const keyValue = (what: string) => (raw: string, prev?: Record<string, string>) => ({ ...(prev ?? {}), ...parseKeyValues([raw], what) });

export function jobSubmitCommand(ctx: Context, runF: (ctx: Context, opts: JobSubmitOptions) => Promise<void> = runJobSubmit): Command {
  return new Command('submit')
    .description('Submit a job (prints its id)')
    .option('-q, --queue <queue>', 'job queue name or ARN')
    .option('-d, --definition <jobdef>', 'job definition: name (latest ACTIVE revision), name:rev or ARN')
    .option('-n, --name <name>', 'job name (default: the definition name)')
    .option('--array-size <n>', 'an array job of N children (2-10000)', wholeNumber(0))
    .addOption(new Option('--depends-on <id[:type]>', 'run after this job succeeds (repeatable): ID, ID:N_TO_N, or SEQUENTIAL').argParser(parseDependency))
    .addOption(new Option('--parameter <key=value>', 'a value for Ref::key in the command (repeatable)').argParser(keyValue('--parameter')))
    .addOption(new Option('--env <name=value>', 'an environment variable (repeatable)').argParser(keyValue('--env')))
    .option('--command <command>', 'override the command, split like a shell: "sh -c \'echo $HOME\'"', parseCommand)
    .option('--vcpus <n>', 'override vCPUs', parseDecimal)
    .option('--memory <MiB>', 'override memory in MiB', parseDecimal)
    .option('--gpus <n>', 'override GPUs', parseDecimal)
    .option('--retry-attempts <n>', 'attempts before the job fails (1-10)', wholeNumber(0))
    .option('--timeout <duration>', 'kill an attempt after this long: 90s, 10m, 2h (at least 60s)', parseTimeoutSeconds)
    .option('--share-identifier <id>', 'fair-share identifier (required on fair-share queues)')
    .option('--priority <n>', 'scheduling priority within the share, 0-9999 (fair-share queues)', wholeNumber(0))
    .option('--consumable-resource <name[:n]>', "override the definition's consumable resources: NAME[:N] (repeatable; replaces the whole list)", consumableNeed)
    .addOption(tagOption())
    .addOption(new Option('--input <file>', 'a SubmitJob request (JSON or YAML, the API shape); flags override its fields'))
    .option('--wait', 'wait until the job finishes (as `job wait`: exit 0, 1 or 8)')
    .option('--follow', 'then follow its logs until it ends (batchctl logs --follow); exit 1 if it FAILED')
    .addOption(new Option('--wait-timeout <duration>', 'with --wait/--follow: give up after this long, exit 8').argParser(parseDuration))
    .option('--quiet', 'print the job id only')
    .addHelpText(
      'after',
      `
Every SubmitJob rule is checked before anything is sent (exit 2, naming the field and its flag):
job name, array size 2-10000, at most 20 dependencies (which must exist), attempts 1-10, timeout
>= 60s, no AWS_BATCH* variables, the 30 KiB payload, Fargate vCPU/memory pairs, a DISABLED queue,
an INACTIVE definition, and the share identifier a fair-share queue requires.
Examples:
  $ batchctl job submit --queue work --definition hello --yes
  $ batchctl job submit -q work -d render:3 --array-size 100 --parameter scene=intro --yes
  $ batchctl job submit -q work -d etl --depends-on 3f1c… --env STAGE=prod --timeout 30m --yes
  $ batchctl job submit -q work -d hello --command "echo hi" --yes --wait
  $ batchctl job submit --input job.json --dry-run -o json   # the plan, nothing submitted`,
    )
    .action(async (flags: JobSubmitOptions) => {
      await runF(ctx, flags);
    });
}

export async function runJobSubmit(ctx: Context, opts: JobSubmitOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const req = buildSubmitRequest(opts, file);
  if (!req.jobQueue || !req.jobDefinition) {
    const missing = [!req.jobQueue ? '--queue' : '', !req.jobDefinition ? '--definition' : ''].filter(Boolean);
    throw new UsageError(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required (or jobQueue/jobDefinition in --input)`, 'e.g. batchctl job submit --queue work --definition hello');
  }
  const flags = opts.input ? {} : SUBMIT_FLAG_FIELDS;
  const check = { what: 'SubmitJob request', flags, hint: 'nothing was submitted' };
  // The rules that need nothing but the request, before any call.
  const first = validateSubmitJob(req);
  checkIssues(ctx, first, check);

  const backend = await ctx.backend();
  const [queue, def, deps] = await Promise.all([queueView(backend, req.jobQueue), resolveJobDefinition(backend, req.jobDefinition), dependencies(backend, req)]);
  // Then the rules that need the queue, the definition and the dependencies (warnings once).
  const seen = new Set(first.map((i) => `${i.field}\n${i.message}`));
  checkIssues(ctx, validateSubmitJob(req, def, queue, { findJob: (id) => deps.get(id) }).filter((i) => !seen.has(`${i.field}\n${i.message}`)), check);

  const needs = (req.consumableResourcePropertiesOverride?.consumableResourceList ?? def.consumableResourceProperties?.consumableResourceList ?? []).map((r) => r.consumableResource!).filter(Boolean);
  if (needs.length) await warnMissingConsumables(ctx, backend, needs);

  const plan: Plan = {
    title: `Submit job ${req.jobName}`,
    steps: [{ service: 'batch', operation: 'SubmitJob', input: stepInput(req), title: `submit job ${req.jobName} to ${queue.jobQueueName}`, reason: planReason(req, def) }],
  };
  const result = await applyPlan(ctx, plan, { question: 'Submit this job?' });
  if (!result.applied) return;
  const { $metadata: _m, ...out } = result.outputs[0] as SubmitJobResponse & { $metadata?: unknown };
  const c = ctx.io.color();
  if (wantsMachineOutput(ctx)) await ctx.print({ data: out });
  else ctx.io.out(`${out.jobId}\n`);
  if (!opts.quiet) {
    ctx.io.err(`${c.green('✓')} Submitted job ${jobLabel(out)} to ${queue.jobQueueName} ${c.dim(`[${backend.label}]`)}\n`);
    if (!opts.wait && !opts.follow && ctx.io.isStderrTTY()) ctx.io.err(c.dim(`  batchctl job wait ${out.jobId}   # or: job describe, job list --queue ${queue.jobQueueName}\n`));
  }
  if (opts.follow) {
    const { followJobLogs } = await import('../logs/follow.js');
    const r = await followJobLogs(ctx, [out.jobId!], { timeoutMs: opts.waitTimeout, sleep: opts.sleep, now: opts.now });
    if (r.outcome !== 'SUCCEEDED') throw new SilentError(1);
  } else if (opts.wait) {
    await waitAndReport(ctx, backend, [out.jobId!], { timeout: opts.waitTimeout, sleep: opts.sleep, now: opts.now, random: opts.random, quiet: opts.quiet && !opts.follow });
  }
}

/** The queue facts SubmitJob rules need; whether its policy is fair-share (not quota-share). */
async function queueView(backend: Backend, ref: string): Promise<SubmitQueueView> {
  const [q] = await requireJobQueues(backend, [ref]);
  const view: SubmitQueueView = { jobQueueName: q!.jobQueueName, state: q!.state, schedulingPolicyArn: q!.schedulingPolicyArn };
  if (q!.schedulingPolicyArn) {
    const [p] = await describeSchedulingPolicies(backend, [q!.schedulingPolicyArn]).catch(() => []);
    if (p && 'quotaSharePolicy' in p && (p as { quotaSharePolicy?: unknown }).quotaSharePolicy && !p.fairsharePolicy) view.quotaManagement = true;
  }
  return view;
}

/** The jobs named in dependsOn, by id, with their array size (for the N_TO_N rule). */
async function dependencies(backend: Backend, req: SubmitJobRequest): Promise<Map<string, { arraySize?: number }>> {
  const ids = (req.dependsOn ?? []).map((d) => d.jobId).filter((id): id is string => Boolean(id));
  const out = new Map<string, { arraySize?: number }>();
  if (!ids.length) return out;
  const { jobs } = await describeJobsBatched(backend.batch, ids);
  for (const j of jobs) out.set(j.jobId!, { arraySize: j.arrayProperties?.size });
  return out;
}

function planReason(req: SubmitJobRequest, def: JobDefinition): string {
  const bits = [`definition ${def.jobDefinitionName}:${def.revision}`];
  if (req.arrayProperties?.size) bits.push(`array of ${req.arrayProperties.size}`);
  if (req.dependsOn?.length) bits.push(`after ${req.dependsOn.length} dependenc${req.dependsOn.length === 1 ? 'y' : 'ies'}`);
  return bits.join(', ');
}
