/**
 * `batchctl iam check`: the IAM identities Batch needs for a platform (spec/06 §1.6): the
 * service-linked role, the execution role (Fargate), the instance role and its instance profile
 * (EC2), the EKS node role, trust principals, managed policies and confused-deputy conditions.
 * A checklist on stdout (PASS / WARN / FAIL with evidence and fix), `-o json` for programs;
 * exit 1 when anything FAILs.
 */
import { Command, Option } from 'commander';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { evaluateIam, type EvaluateIamOptions } from '../../domain/checks/iam.js';
import { PLATFORMS, type IamOptions, type Platform } from '../../domain/checks/iam-roles.js';
import { countVerdicts, fail, pass, type Check } from '../../domain/checks/types.js';
import { SilentError } from '../../errors.js';
import { checkSummary, formatChecklist } from '../../render/checks.js';
import { accountIdOf, gatherIamFacts } from './facts.js';

export interface IamRoleFlags {
  platform?: Platform[];
  executionRole?: string;
  instanceRole?: string;
  serviceRole?: string;
  private?: boolean;
}

export interface IamCheckOptions extends IamRoleFlags {
  verbose?: boolean;
}

/** The options shared by `iam check` and `iam create-roles`. */
export function addRoleOptions(cmd: Command): Command {
  return cmd
    .option('--execution-role <name>', 'Fargate: the task execution role (default ecsTaskExecutionRole)')
    .option('--instance-role <profile>', 'EC2: the instance profile (default ecsInstanceRole); EKS: the node instance profile (required)')
    .option('--service-role <arn>', 'a custom compute environment service role to check (default: the service-linked role)')
    .option('--private', 'EKS private cluster: the node role also needs AmazonEC2ContainerRegistryPullOnly');
}

export function iamOptionsFrom(flags: IamRoleFlags, platform: Platform): IamOptions {
  return {
    executionRole: flags.executionRole,
    instanceRole: platform === 'ec2' ? flags.instanceRole : undefined,
    eksInstanceProfile: platform === 'eks' ? flags.instanceRole : undefined,
    eksPrivate: flags.private,
    serviceRole: flags.serviceRole,
  };
}

/** No --platform: what the Fargate and EC2 wizards need (EKS needs its node profile named). */
export function platformsOf(flags: IamRoleFlags): Platform[] {
  return flags.platform?.length ? [...new Set(flags.platform)] : ['fargate', 'ec2'];
}

export function iamCheckCommand(ctx: Context, runF = runIamCheck): Command {
  const cmd = new Command('check')
    .description('Check the IAM roles, instance profiles, trust and policies Batch needs')
    .addOption(new Option('--platform <platform...>', 'fargate, ec2 or eks (default: fargate and ec2)').choices(PLATFORMS))
    .option('--verbose', 'show the evidence of passing checks too');
  addRoleOptions(cmd).addHelpText(
    'after',
    `
Exit status 1 when any check FAILs (a WARN is not a failure).
Examples:
  $ batchctl iam check
  $ batchctl iam check --platform ec2 --instance-role myInstanceProfile
  $ batchctl iam check --platform eks --instance-role eks-node-profile -o json`,
  );
  return cmd.action((flags: IamCheckOptions) => runF(ctx, flags));
}

/** spec/06 §1.6 check 1: can the caller read Batch at all. */
async function batchReadCheck(backend: Backend): Promise<Check> {
  const id = 'iam.caller.batch-read';
  const title = 'the caller can read Batch (batch:Describe*)';
  const reads = 'batch:DescribeComputeEnvironments';
  try {
    const out = await backend.batch.describeComputeEnvironments({ maxResults: 1 });
    return pass(id, title, reads, [`DescribeComputeEnvironments(maxResults=1): ${(out.computeEnvironments ?? []).length} returned`]);
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (!/AccessDenied|Unauthorized|not authorized/i.test(`${e.name} ${e.message}`)) throw err;
    return fail(id, title, reads, [`DescribeComputeEnvironments: ${e.name}: ${e.message}`],
      'attach batch:Describe*, batch:List* and batch:Get* on * (or AWSBatchFullAccess) to the caller');
  }
}

/** Every check for the platforms, the SLR's once (it is shared). */
export async function iamChecks(backend: Backend, flags: IamRoleFlags): Promise<Check[]> {
  const platforms = platformsOf(flags);
  const checks: Check[] = [await batchReadCheck(backend)];
  const seen = new Set<string>();
  const facts = await gatherIamFacts(backend, [], {});
  for (const p of platforms) await gatherIamFacts(backend, [p], iamOptionsFrom(flags, p), facts);
  const accountId = flags.serviceRole ? await accountIdOf(backend, { iam: facts }).catch(() => undefined) : undefined;
  for (const p of platforms) {
    const opts: EvaluateIamOptions = { ...iamOptionsFrom(flags, p), accountId };
    for (const c of evaluateIam(p, facts, opts)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      checks.push(c);
    }
  }
  return checks;
}

export async function runIamCheck(ctx: Context, flags: IamCheckOptions): Promise<void> {
  const backend = await ctx.backend();
  const checks = await iamChecks(backend, flags);
  const counts = countVerdicts(checks);
  await ctx.print({
    data: { world: backend.label, platforms: platformsOf(flags), checks, summary: counts },
    human: (c) => `${c.bold('IAM for AWS Batch')} ${c.dim(`[${backend.label}] ${platformsOf(flags).join(', ')}`)}\n` + formatChecklist(checks, c, { verbose: flags.verbose }) + checkSummary(checks, c) + '\n',
  });
  if (counts.FAIL > 0) throw new SilentError(1);
}
