/**
 * The interactive path of `setup` (a terminal, no --yes, no --dry-run): the network defaults and
 * the region's VPCs, subnets and security groups (the wizard's choices), then the Ink wizard of
 * wizards/ui, loaded here with `await import()` so no other command loads Ink or React. The review
 * screen shows the plan `prepare` builds; the plan shown is the plan applied.
 */
import type * as E from '@aws-sdk/client-ec2';
import type * as K from '@aws-sdk/client-eks';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { CancelledError } from '../../errors.js';
import { eksClusterNetwork, type SetupAnswers } from '../../wizards/defaults.js';
import { iamOptionsFor } from '../../wizards/plan-common.js';
import type { WizardFacts, WizardReview } from '../../wizards/ui/fields.js';
import { gatherIamFacts } from '../iam/facts.js';
import { chooseNetwork } from '../network/facts.js';
import { readFact } from '../shared/plan-runner.js';
import { requireCluster } from './eks.js';
import type { PreparedSetup, SetupOptions } from './run.js';
import { enterInk } from '../../packages.js';

/** `runSetupWizard`'s shape (tests stand in for it). */
export type WizardRunner = (ctx: Context, platform: SetupAnswers['platform'], initial: SetupAnswers, facts: WizardFacts) => Promise<SetupAnswers | undefined>;

/** Runs the wizard; resolves with the prepared setup of the answers the person chose Create for. */
export async function runWizard(
  ctx: Context,
  backend: Backend,
  given: SetupAnswers,
  opts: SetupOptions,
  prepare: (answers: SetupAnswers) => Promise<PreparedSetup>,
): Promise<PreparedSetup> {
  const initial = structuredClone(given);
  const clusters = initial.platform === 'eks' ? await listClusters(backend) : undefined;
  // EKS without --eks-cluster: the region's only cluster, when it has one.
  if (initial.platform === 'eks' && !initial.clusterName && clusters?.length === 1) initial.clusterName = clusters[0]!;
  // The fields start with the network setup would pick without the wizard (an EKS cluster's when given).
  if (initial.platform === 'eks' && initial.clusterName) {
    const cluster = await requireCluster(backend, initial.clusterName);
    const net = eksClusterNetwork(cluster);
    if (initial.subnets.length === 0) initial.subnets = net.subnets;
    if (initial.securityGroupIds.length === 0) initial.securityGroupIds = net.securityGroupIds;
  }
  if (initial.subnets.length === 0 || initial.securityGroupIds.length === 0) {
    const chosen = await chooseNetwork(backend, { vpc: opts.vpc, subnets: initial.subnets, securityGroupIds: initial.securityGroupIds });
    initial.subnets = chosen.subnets;
    initial.securityGroupIds = chosen.securityGroupIds;
  }

  const [vpcs, subnets, groups, iam] = await Promise.all([
    readFact(backend, { service: 'ec2', operation: 'DescribeVpcs', input: {} }) as Promise<E.DescribeVpcsResult>,
    readFact(backend, { service: 'ec2', operation: 'DescribeSubnets', input: {} }) as Promise<E.DescribeSubnetsResult>,
    readFact(backend, { service: 'ec2', operation: 'DescribeSecurityGroups', input: {} }) as Promise<E.DescribeSecurityGroupsResult>,
    gatherIamFacts(backend, [initial.platform], iamOptionsFor(initial)),
  ]);

  // The last plan the review showed, to apply exactly that one.
  let last: { key: string; prepared: PreparedSetup } | undefined;
  const facts: WizardFacts = {
    world: backend.label,
    vpcs: vpcs.Vpcs ?? [],
    subnets: subnets.Subnets ?? [],
    securityGroups: groups.SecurityGroups ?? [],
    clusters,
    iam,
    ignoreChecks: opts.ignoreChecks === true,
    async review(answers): Promise<WizardReview> {
      const prepared = await prepare(answers);
      last = { key: JSON.stringify(answers), prepared };
      return { plan: prepared.plan, checks: prepared.checks ?? [], issues: prepared.issues, networkSource: prepared.networkSource };
    },
  };
  const run = opts.wizard ?? (await enterInk(() => import('../../wizards/ui/index.js'))).runSetupWizard;
  const chosen = await run(ctx, initial.platform, initial, facts);
  if (!chosen) throw new CancelledError('cancelled: nothing was changed');
  return last?.key === JSON.stringify(chosen) ? last.prepared : prepare(chosen);
}

/** The region's EKS clusters (every page); none when the call is not allowed. */
async function listClusters(backend: Backend): Promise<string[]> {
  try {
    const out = (await readFact(backend, { service: 'eks', operation: 'ListClusters', input: {} })) as K.ListClustersResponse;
    return out.clusters ?? [];
  } catch {
    return [];
  }
}
