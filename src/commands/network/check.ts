/**
 * `batchctl network check`: can a compute environment's subnets reach what a job needs, and are its
 * security groups usable (spec/06 §2): the subnets exist and share a VPC, each routes to the
 * internet (internet gateway with a public IP, or NAT) or has the VPC endpoints a private setup
 * needs, the security groups are in that VPC and allow HTTPS out, SSH is not open to the world, and
 * Fargate's assignPublicIp suits the subnets. Without --subnets: the default VPC's (or --vpc's).
 */
import { Command, Option } from 'commander';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { PLATFORMS, type Platform } from '../../domain/checks/iam-roles.js';
import { evaluateNetwork, type NetworkTarget } from '../../domain/checks/network.js';
import { countVerdicts, type Check } from '../../domain/checks/types.js';
import { SilentError } from '../../errors.js';
import { checkSummary, formatChecklist } from '../../render/checks.js';
import { listOf } from '../shared/flags.js';
import { repeatable } from '../shared/resource-options.js';
import { chooseNetwork, gatherNetworkFacts } from './facts.js';

export interface NetworkCheckOptions {
  platform?: Platform;
  vpc?: string;
  subnets?: string[];
  securityGroups?: string[];
  assignPublicIp?: boolean;
  image?: string;
  verbose?: boolean;
}

export function networkCheckCommand(ctx: Context, runF = runNetworkCheck): Command {
  return new Command('check')
    .description('Check that subnets and security groups can run Batch jobs (routes, endpoints, egress)')
    .addOption(new Option('--platform <platform>', 'what will run there').choices(PLATFORMS).default('fargate'))
    .option('--vpc <id>', 'check this VPC\'s subnets and default security group (default: the default VPC)')
    .option('--subnets <ids>', 'subnet ids, comma-separated or repeated', repeatable)
    .option('--security-groups <ids>', 'security group ids, comma-separated or repeated', repeatable)
    .option('--assign-public-ip', 'Fargate: tasks get a public IP (the wizard\'s default)')
    .option('--no-assign-public-ip', 'Fargate: tasks get no public IP (private subnets behind NAT or endpoints)')
    .option('--image <image>', 'the job image, to tell a public registry from this region\'s ECR')
    .option('--verbose', 'show the evidence of passing checks too')
    .addHelpText(
      'after',
      `
Exit status 1 when any check FAILs (a WARN is not a failure).
Examples:
  $ batchctl network check
  $ batchctl network check --platform ec2 --subnets subnet-0a,subnet-0b --security-groups sg-01
  $ batchctl network check --no-assign-public-ip --image 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 -o json`,
    )
    .action((flags: NetworkCheckOptions) => runF(ctx, flags));
}

/** The checks for a target, with the facts read through the port. */
export async function networkChecks(backend: Backend, target: NetworkTarget): Promise<Check[]> {
  const facts = await gatherNetworkFacts(backend, target);
  return evaluateNetwork(target, facts);
}

export async function runNetworkCheck(ctx: Context, flags: NetworkCheckOptions): Promise<void> {
  const backend = await ctx.backend();
  const platform = flags.platform ?? 'fargate';
  const chosen = await chooseNetwork(backend, {
    vpc: flags.vpc,
    subnets: listOf(flags.subnets),
    securityGroupIds: listOf(flags.securityGroups),
  });
  const target: NetworkTarget = {
    platform,
    region: backend.region,
    subnetIds: chosen.subnets,
    securityGroupIds: chosen.securityGroupIds,
    ...(platform === 'fargate' ? { assignPublicIp: flags.assignPublicIp === false ? 'DISABLED' : 'ENABLED' } : {}),
    ...(flags.image ? { image: flags.image } : {}),
  };
  const checks = await networkChecks(backend, target);
  const counts = countVerdicts(checks);
  await ctx.print({
    data: { world: backend.label, target, checks, summary: counts },
    human: (c) => {
      const from = chosen.source ? ` from ${chosen.source}` : '';
      const head = `${c.bold('Network for AWS Batch')} ${c.dim(`[${backend.label}] ${platform}: subnets ${target.subnetIds.join(', ') || '(none)'}; security groups ${target.securityGroupIds.join(', ') || '(none)'}${from}`)}\n`;
      return head + formatChecklist(checks, c, { verbose: flags.verbose }) + checkSummary(checks, c) + '\n';
    },
  });
  if (counts.FAIL > 0) throw new SilentError(1);
}
