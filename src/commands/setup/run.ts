/**
 * `batchctl setup fargate|ec2|eks [NAME]`: the console's first-run wizard as one plan. In order:
 * answers from flags (console defaults for the rest) -> the network (default VPC, --vpc, or the EKS
 * cluster's) -> every read the plan needs (IAM, network, what the stack already has) -> the answers
 * checked against them (exit 2, naming the flag, before anything changes) -> the network preflight
 * (a FAIL stops, unless --ignore-checks) -> the idempotent plan (conflicts stop it, exit 1) ->
 * apply, waiting for the compute environment and the queue -> the hello-world job's output.
 */
import type * as B from '@aws-sdk/client-batch';
import type * as K from '@aws-sdk/client-eks';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import type { IamFacts } from '../../domain/checks/iam.js';
import { iamNameOf, type Platform } from '../../domain/checks/iam-roles.js';
import { evaluateNetwork, type NetworkFacts, type NetworkTarget } from '../../domain/checks/network.js';
import type { ReportedPlan } from '../../domain/checks/plan-notes.js';
import { countVerdicts, MISSING, type Check } from '../../domain/checks/types.js';
import { FailureError } from '../../errors.js';
import { checkSummary, formatChecklist } from '../../render/checks.js';
import { eksClusterNetwork, STACK_TAG, type SetupAnswers } from '../../wizards/defaults.js';
import { iamOptionsFor, setupBatchFactRequests, type ExistingResources } from '../../wizards/plan-common.js';
import { buildSetupPlan } from '../../wizards/setup.js';
import { validateAnswers, type Issue } from '../../wizards/validate.js';
import { accountIdOf, gatherIamFacts } from '../iam/facts.js';
import { chooseNetwork, gatherNetworkFacts } from '../network/facts.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { applyReportedPlan, checkEmit, readFact } from '../shared/plan-runner.js';
import { prepareEks, requireCluster } from './eks.js';
import { jobOutput, waitForJob, type JobOutput } from './job.js';
import { answersError, answersFrom, type SetupFlags } from './options.js';
import { runWizard, type WizardRunner } from './wizard.js';

export interface SetupOptions extends SetupFlags {
  platform: Platform;
  stackName?: string;
  /** Tests: how the AWS backend sleeps between polls. */
  sleep?: (ms: number) => Promise<void>;
  /** Apply without asking, as with --yes (`demo`: a rehearsal inside the simulator). */
  noConfirm?: boolean;
  /** Tests: the interactive wizard (default: wizards/ui, loaded when it runs). */
  wizard?: WizardRunner;
}

/** What setupStack built and ran: the answers, the plan it applied, the hello-world job and its output. */
export interface SetupOutcome {
  backend: Backend;
  answers: SetupAnswers;
  plan: ReportedPlan;
  job?: B.JobDetail;
  output?: JobOutput;
  eks?: Awaited<ReturnType<typeof prepareEks>>;
}

/** `aws`, `aws-cn` or `aws-us-gov`, from the region's name. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The issues that only say "none given": the network defaults will fill them in. */
function defaultable(issue: Issue, a: SetupAnswers): boolean {
  if (issue.field === '--subnets' && a.subnets.length === 0) return true;
  if (issue.field === '--security-groups' && a.securityGroupIds.length === 0) return true;
  return false;
}

/** A bad stack name makes every name derived from it bad too: report only the cause. */
function consequences(issues: Issue[], flags: SetupFlags): Issue[] {
  if (!issues.some((i) => i.field === '--name')) return issues;
  const given: Record<string, unknown> = { '--ce-name': flags.ceName, '--queue-name': flags.queueName, '--job-definition-name': flags.jobDefinitionName, '--job-name': flags.jobName };
  return issues.filter((i) => !(i.field in given) || given[i.field] !== undefined);
}

export async function runSetup(ctx: Context, opts: SetupOptions): Promise<void> {
  const outcome = await setupStack(ctx, opts);
  if (!outcome) return;
  const { backend, answers, plan, job, output, eks } = outcome;
  await printStack(ctx, backend, answers, plan, job, output, eks);
  if (job?.status === 'FAILED') {
    throw new FailureError(`job ${answers.jobName} (${job.jobId}) FAILED${job.statusReason ? `: ${job.statusReason}` : ''}`, 'the stack itself is ready; see the job output above');
  }
}

/** The setup up to the job's output: undefined when nothing was applied (--dry-run). */
export async function setupStack(ctx: Context, opts: SetupOptions): Promise<SetupOutcome | undefined> {
  const emit = checkEmit(ctx, opts.emit);
  const initial = answersFrom(opts.platform, opts.stackName, opts);
  // On a terminal without --yes or --dry-run the wizard asks; its review screen is the confirmation.
  const interactive = !opts.noConfirm && !ctx.config.yes && !ctx.config.dryRun && ctx.io.canPrompt();

  // 1. What can be known without reading anything: names, sizes, the Fargate vCPU/memory pair.
  // (The wizard shows these under its fields instead.)
  if (!interactive) {
    const local = consequences(validateAnswers(initial).filter((i) => !defaultable(i, initial)), opts);
    if (local.length > 0) throw answersError(local);
  }

  const backend = await ctx.backend();
  const prepared = interactive
    ? await runWizard(ctx, backend, initial, opts, (a) => prepareSetup(backend, a, opts))
    : await prepareSetup(backend, initial, opts);
  if (prepared.issues.length > 0) throw answersError(prepared.issues);
  const { answers, networkSource, checks, existing, batch, plan } = prepared as Required<PreparedSetup>;
  reportPreflight(ctx, checks, networkSource, opts.ignoreChecks === true);

  // 6. The plan; then, for EKS, the Kubernetes side; then apply.
  let eks: Awaited<ReturnType<typeof prepareEks>> | undefined;
  if (answers.platform === 'eks' && plan.conflicts.length === 0 && !emit) {
    eks = await prepareEks(ctx, {
      clusterName: answers.clusterName, namespace: answers.kubernetesNamespace, accountId: existing.accountId, region: backend.region, partition: existing.partition,
    }, opts.manifestsDir ?? `batchctl-${answers.stack}-eks`);
  }
  const result = await applyReportedPlan(ctx, plan, { emit, waitTimeoutMs: opts.timeout, sleep: opts.sleep, progress: true, noConfirm: opts.noConfirm || interactive });
  if (!result.applied) return undefined;
  if (plan.steps.length === 0) ctx.io.err(`${ctx.io.color().dim('·')} nothing to change: the stack ${answers.stack} exists and matches ${ctx.io.color().dim(`[${backend.label}]`)}\n`);

  // 7. The hello-world job: the one just submitted, or the one an earlier run submitted.
  const submitted = plan.steps.findIndex((s) => s.operation === 'SubmitJob');
  const earlier = (batch.jobs ?? []).find((j) => j.jobName === answers.jobName && j.status !== 'FAILED');
  const jobId = submitted >= 0 ? (result.outputs[submitted] as B.SubmitJobResponse).jobId : answers.noJob ? undefined : earlier?.jobId;
  let job: B.JobDetail | undefined;
  let output: JobOutput | undefined;
  if (jobId) {
    job = await waitForJob(ctx, backend, jobId, answers.jobName, { timeoutMs: opts.timeout, sleep: opts.sleep });
    output = await jobOutput(backend, job);
  }
  return { backend, answers, plan, job, output, eks };
}

/** Everything a setup knows before it changes anything: the answers with their network, the reads, the plan. */
export interface PreparedSetup {
  answers: SetupAnswers;
  /** The answers the account rejects; the rest is absent when there are any. */
  issues: Issue[];
  cluster?: K.Cluster;
  networkSource?: string;
  checks?: Check[];
  existing?: ExistingResources;
  batch?: Awaited<ReturnType<typeof gatherBatchFacts>>;
  plan?: ReportedPlan;
}

/**
 * Steps 2-5 for a set of answers (a copy is filled in, the given one is left alone): the network,
 * every read, the answers checked against the account, the preflight and the plan. Changes nothing.
 */
export async function prepareSetup(backend: Backend, given: SetupAnswers, opts: SetupOptions): Promise<PreparedSetup> {
  const answers = structuredClone(given);

  // 2. The network: the EKS cluster's, --vpc's, the given subnets' VPC's, or the default VPC's.
  let cluster: K.Cluster | undefined;
  let networkSource: string | undefined;
  if (answers.platform === 'eks') {
    cluster = await requireCluster(backend, answers.clusterName);
    answers.eksClusterArn = cluster.arn ?? answers.eksClusterArn;
    const net = eksClusterNetwork(cluster);
    if (answers.subnets.length === 0) answers.subnets = net.subnets;
    if (answers.securityGroupIds.length === 0) answers.securityGroupIds = net.securityGroupIds;
    networkSource = `the cluster ${answers.clusterName}`;
  }
  if (answers.subnets.length === 0 || answers.securityGroupIds.length === 0) {
    const chosen = await chooseNetwork(backend, { vpc: opts.vpc, subnets: answers.subnets, securityGroupIds: answers.securityGroupIds });
    answers.subnets = chosen.subnets;
    answers.securityGroupIds = chosen.securityGroupIds;
    networkSource = chosen.source;
  }

  // 3. Every read the plan needs.
  const target = networkTarget(backend, answers);
  const iamOptions = { ...iamOptionsFor(answers), ...(opts.serviceRole ? { serviceRole: opts.serviceRole } : {}) };
  const [iam, network, batch] = await Promise.all([
    gatherIamFacts(backend, [answers.platform], iamOptions),
    answers.subnets.length > 0 ? gatherNetworkFacts(backend, target) : Promise.resolve<NetworkFacts>({}),
    gatherBatchFacts(backend, answers),
  ]);

  // 4. The answers against the account: subnets and groups exist and share a VPC, roles exist or may be created.
  const issues = [...validateAnswers(answers, { network, iam }), ...serviceRoleIssues(opts.serviceRole, iam)];
  if (issues.length > 0) return { answers, issues };

  const accountId = await accountIdOf(backend, {
    iam,
    arns: [cluster?.arn, ...batch.computeEnvironments.map((c) => c.computeEnvironmentArn), ...batch.jobQueues.map((q) => q.jobQueueArn)],
    ownerIds: (network.securityGroups?.SecurityGroups ?? []).map((g) => g.OwnerId),
  });
  const existing: ExistingResources = { accountId, region: backend.region, partition: partitionOf(backend.region), iam, ...batch };

  // 5. The network preflight: a FAIL means jobs could not pull their image or reach ECS.
  const checks = evaluateNetwork(target, network);
  const plan = withServiceRole(buildSetupPlan(answers, existing), opts.serviceRole);
  return { answers, issues: [], cluster, networkSource, checks, existing, batch, plan };
}

function networkTarget(backend: Backend, answers: SetupAnswers): NetworkTarget {
  return {
    platform: answers.platform,
    region: backend.region,
    subnetIds: answers.subnets,
    securityGroupIds: answers.securityGroupIds,
    image: answers.image,
    ...(answers.platform === 'fargate' ? { assignPublicIp: answers.assignPublicIp } : {}),
  };
}

/**
 * --service-role: a custom CE service role instead of the service-linked one (spec/06 §1.6 check 3).
 * It must be a full ARN (a bare name is taken to have no path) of a role that exists; batchctl does
 * not create it.
 */
function serviceRoleIssues(serviceRole: string | undefined, iam: IamFacts): Issue[] {
  if (serviceRole === undefined) return [];
  if (!/^arn:aws[\w-]*:iam::\d{12}:role\/.+/.test(serviceRole)) {
    return [{ field: '--service-role', message: `"${serviceRole}" is not a role ARN; give the full ARN with its path (arn:aws:iam::<account>:role/<path/><name>), or leave it out for the service-linked role` }];
  }
  if (iam.roles[iamNameOf(serviceRole)] === MISSING) return [{ field: '--service-role', message: `no role named ${iamNameOf(serviceRole)}` }];
  return [];
}

/** The compute environment the plan creates uses --service-role when given. */
function withServiceRole(plan: ReportedPlan, serviceRole: string | undefined): ReportedPlan {
  if (!serviceRole) return plan;
  for (const step of plan.steps) if (step.operation === 'CreateComputeEnvironment') step.input = { ...step.input, serviceRole };
  return plan;
}

/** The Batch reads of setupBatchFactRequests, until they stop asking (ListJobs once the queue exists). */
async function gatherBatchFacts(backend: Backend, answers: SetupAnswers): Promise<Pick<ExistingResources, 'computeEnvironments' | 'jobQueues' | 'jobDefinitions' | 'jobs'>> {
  const got: Record<string, Record<string, unknown>> = {};
  let queueExists = false;
  for (let round = 0; round < 3; round++) {
    const requests = setupBatchFactRequests(answers, queueExists).filter((r) => !(r.key in got));
    if (requests.length === 0) break;
    const outputs = await Promise.all(requests.map((r) => readFact(backend, r)));
    requests.forEach((r, i) => (got[r.key] = outputs[i] as Record<string, unknown>));
    queueExists = ((got.jobQueues?.jobQueues ?? []) as B.JobQueueDetail[]).some((q) => q.jobQueueName === answers.jobQueueName && q.status !== 'DELETED');
  }
  return {
    computeEnvironments: (got.computeEnvironments?.computeEnvironments ?? []) as B.ComputeEnvironmentDetail[],
    jobQueues: (got.jobQueues?.jobQueues ?? []) as B.JobQueueDetail[],
    jobDefinitions: (got.jobDefinitions?.jobDefinitions ?? []) as B.JobDefinition[],
    jobs: got.jobs ? ((got.jobs.jobSummaryList ?? []) as B.JobSummary[]) : undefined,
  };
}

/** Non-PASS network checks on stderr; a FAIL stops the setup unless --ignore-checks. */
function reportPreflight(ctx: Context, checks: Check[], source: string | undefined, ignore: boolean): void {
  const c = ctx.io.color();
  const counts = countVerdicts(checks);
  const from = source ? ` (${source})` : '';
  const notPassed = checks.filter((k) => k.verdict !== 'PASS');
  if (notPassed.length === 0) {
    ctx.io.err(`${c.green('✓')} network preflight${from}: ${checkSummary(checks, c)}\n`);
    return;
  }
  ctx.io.err(`${c.bold('network preflight')}${from}: ${checkSummary(checks, c)}\n` + formatChecklist(notPassed, c));
  if (counts.FAIL > 0 && !ignore) {
    throw new FailureError(
      `network preflight: ${counts.FAIL} check${counts.FAIL > 1 ? 's' : ''} failed; nothing was changed`,
      'fix them as each fix says (batchctl network check shows them all), or pass --ignore-checks to create the stack anyway',
    );
  }
}

async function printStack(
  ctx: Context,
  backend: Backend,
  a: SetupAnswers,
  plan: ReportedPlan,
  job: B.JobDetail | undefined,
  output: JobOutput | undefined,
  eks: { dir: string; files: string[]; commands: string[] } | undefined,
): Promise<void> {
  const [computeEnvironment] = (await backend.batch.describeComputeEnvironments({ computeEnvironments: [a.computeEnvironmentName] })).computeEnvironments ?? [];
  const [jobQueue] = (await backend.batch.describeJobQueues({ jobQueues: [a.jobQueueName] })).jobQueues ?? [];
  const defs = ((await readFact(backend, { service: 'batch', operation: 'DescribeJobDefinitions', input: { jobDefinitionName: a.jobDefinitionName, status: 'ACTIVE' } })) as B.DescribeJobDefinitionsResponse).jobDefinitions ?? [];
  const jobDefinition = defs.reduce<B.JobDefinition | undefined>((best, d) => (!best || (d.revision ?? 0) > (best.revision ?? 0) ? d : best), undefined);
  const c = ctx.io.color();
  if (wantsMachineOutput(ctx)) {
    await ctx.print({
      data: {
        stack: a.stack, platform: a.platform, world: backend.label, tag: { [STACK_TAG]: a.stack },
        applied: plan.steps.map((s) => s.title), skipped: plan.skipped,
        computeEnvironment, jobQueue, jobDefinition,
        ...(job ? { job: { jobId: job.jobId, jobName: job.jobName, status: job.status, statusReason: job.statusReason } } : {}),
        ...(output ? { output } : {}),
        ...(eks ? { kubernetes: eks } : {}),
      },
    });
    return;
  }
  const rows: string[][] = [
    ['compute environment', a.computeEnvironmentName, `${computeEnvironment?.state ?? '?'}/${computeEnvironment?.status ?? '?'}`],
    ['job queue', a.jobQueueName, `${jobQueue?.state ?? '?'}/${jobQueue?.status ?? '?'}`],
    ['job definition', `${a.jobDefinitionName}:${jobDefinition?.revision ?? '?'}`, jobDefinition?.status ?? '?'],
  ];
  if (job) rows.push(['job', a.jobName, job.status ?? '?', job.jobId ?? '']);
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  const lines = [`${c.bold(`Stack ${a.stack}`)} ${c.dim(`(${a.platform}) [${backend.label}]`)}`];
  for (const [kind, name, status, extra] of rows) lines.push(`  ${kind!.padEnd(w0)}  ${name!.padEnd(w1)}  ${statusColour(status!, c)}${extra ? `  ${c.dim(extra)}` : ''}`);
  if (output) {
    lines.push('', `${c.bold(`Output of ${a.jobName}`)} ${c.dim(`(${output.logGroupName}${output.logStreamName ? ` ${output.logStreamName}` : ''})`)}`);
    if (output.messages.length) for (const m of output.messages) lines.push(`  ${m}`);
    else lines.push(`  ${c.dim(output.note ?? '(no output)')}`);
  }
  ctx.io.out(lines.join('\n') + '\n');
  const tries: Array<[string, string]> = [
    [`batchctl ce describe ${a.computeEnvironmentName}`, 'every field of the compute environment'],
    [`batchctl queue describe ${a.jobQueueName}`, 'the job queue'],
    [`batchctl jobdef describe ${a.jobDefinitionName}`, 'the job definition'],
    [`batchctl teardown ${a.stack}`, 'delete everything this setup created'],
  ];
  const width = Math.max(...tries.map(([cmd]) => cmd.length));
  ctx.io.err(`\n${c.bold('Next, try:')}\n${tries.map(([cmd, why]) => `  ${cmd.padEnd(width)}  ${c.dim(`# ${why}`)}`).join('\n')}\n`);
}

function statusColour(s: string, c: ReturnType<Context['io']['color']>): string {
  if (/VALID$|ACTIVE|SUCCEEDED/.test(s) && !/INVALID/.test(s)) return c.green(s);
  if (/INVALID|FAILED/.test(s)) return c.red(s);
  return c.yellow(s);
}
