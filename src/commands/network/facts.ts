/**
 * Gathering the network facts of domain/checks/network through the port, and the network a setup
 * uses when none is given: the subnets and `default` security group of `--vpc`, of the given
 * subnets' VPC, or of the region's default VPC (spec/01 §3 step 1.7).
 */
import type * as E from '@aws-sdk/client-ec2';
import type { Backend } from '../../backend/port.js';
import { networkFactRequests, recordNetworkFact, type NetworkFacts, type NetworkTarget } from '../../domain/checks/network.js';
import { UsageError } from '../../errors.js';
import { defaultVpcNetwork } from '../../wizards/defaults.js';
import { readFact } from '../shared/plan-runner.js';

export async function gatherNetworkFacts(backend: Backend, target: NetworkTarget, facts: NetworkFacts = {}): Promise<NetworkFacts> {
  for (let round = 0; round < 5; round++) {
    const requests = networkFactRequests(target, facts);
    if (requests.length === 0) break;
    const outputs = await Promise.all(requests.map((r) => readFact(backend, r)));
    requests.forEach((r, i) => recordNetworkFact(facts, r, outputs[i]));
  }
  return facts;
}

export interface NetworkChoice {
  /** The VPC the defaults came from (undefined when nothing was defaulted or nothing was found). */
  vpcId?: string;
  subnets: string[];
  securityGroupIds: string[];
  /** Where the defaults came from, for people ("the default VPC vpc-1"). */
  source?: string;
}

/**
 * Fills in missing subnets and security groups. Given ids are kept as they are (validation reports
 * unknown ones); a `--vpc` that does not exist is a UsageError naming the flag.
 */
export async function chooseNetwork(
  backend: Backend,
  given: { vpc?: string; subnets?: string[]; securityGroupIds?: string[] },
  flags: { vpc: string; subnets: string } = { vpc: '--vpc', subnets: '--subnets' },
): Promise<NetworkChoice> {
  const subnets = given.subnets ?? [];
  const groups = given.securityGroupIds ?? [];
  if (subnets.length > 0 && groups.length > 0) return { subnets, securityGroupIds: groups };

  let vpcId = given.vpc;
  let source: string | undefined;
  if (vpcId) {
    const vpcs = (await readFact(backend, { service: 'ec2', operation: 'DescribeVpcs', input: { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] } })) as E.DescribeVpcsResult;
    if (!(vpcs.Vpcs ?? []).some((v) => v.VpcId === vpcId)) {
      throw new UsageError(`no VPC ${vpcId} in ${backend.region} [${backend.label}] (${flags.vpc})`, 'aws ec2 describe-vpcs lists them; or leave out --vpc to use the default VPC');
    }
    source = `VPC ${vpcId}`;
  } else if (subnets.length > 0) {
    const found = (await readFact(backend, { service: 'ec2', operation: 'DescribeSubnets', input: { Filters: [{ Name: 'subnet-id', Values: subnets }] } })) as E.DescribeSubnetsResult;
    vpcId = found.Subnets?.[0]?.VpcId;
    source = vpcId ? `the subnets' VPC ${vpcId}` : undefined;
  } else {
    const vpcs = (await readFact(backend, { service: 'ec2', operation: 'DescribeVpcs', input: { Filters: [{ Name: 'is-default', Values: ['true'] }] } })) as E.DescribeVpcsResult;
    vpcId = (vpcs.Vpcs ?? []).find((v) => v.IsDefault)?.VpcId;
    source = vpcId ? `the default VPC ${vpcId}` : undefined;
  }
  if (!vpcId) return { subnets, securityGroupIds: groups };

  const byVpc = { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] };
  const [vpcSubnets, vpcGroups] = await Promise.all([
    subnets.length > 0 ? Promise.resolve({ Subnets: [] }) : (readFact(backend, { service: 'ec2', operation: 'DescribeSubnets', input: byVpc }) as Promise<E.DescribeSubnetsResult>),
    groups.length > 0 ? Promise.resolve({ SecurityGroups: [] }) : (readFact(backend, { service: 'ec2', operation: 'DescribeSecurityGroups', input: byVpc }) as Promise<E.DescribeSecurityGroupsResult>),
  ]);
  // defaultVpcNetwork picks the VPC marked default; mark the chosen one so it picks that.
  const picked = defaultVpcNetwork({ Vpcs: [{ VpcId: vpcId, IsDefault: true }] }, vpcSubnets, vpcGroups);
  return {
    vpcId,
    subnets: subnets.length > 0 ? subnets : picked?.subnets ?? [],
    securityGroupIds: groups.length > 0 ? groups : picked?.securityGroupIds ?? [],
    source,
  };
}
