/**
 * Gathering the IAM facts of domain/checks/iam through the port: ask `iamFactRequests` what to read,
 * read it (NoSuchEntity recorded as 'missing'), and ask again until nothing is left. Also the
 * account id, which batchctl takes from an ARN or an owner id it already has (the port has no
 * sts:GetCallerIdentity; see docs/setup.md).
 */
import type { Backend } from '../../backend/port.js';
import { emptyIamFacts, iamFactRequests, recordIamFact, type IamFacts } from '../../domain/checks/iam.js';
import type { IamOptions, Platform } from '../../domain/checks/iam-roles.js';
import { arnAccount } from '../../domain/checks/policy-document.js';
import { MISSING, type FactRequest } from '../../domain/checks/types.js';
import { FailureError } from '../../errors.js';
import { readFact } from '../shared/plan-runner.js';

/** Reads every IAM fact the platforms need (facts may already hold some). */
export async function gatherIamFacts(backend: Backend, platforms: readonly Platform[], opts: IamOptions = {}, facts: IamFacts = emptyIamFacts()): Promise<IamFacts> {
  for (let round = 0; round < 5; round++) {
    const requests = new Map<string, FactRequest>();
    for (const p of platforms) for (const r of iamFactRequests(p, facts, opts)) requests.set(r.key, r);
    if (requests.size === 0) break;
    const list = [...requests.values()];
    const outputs = await Promise.all(list.map((r) => readFact(backend, r)));
    list.forEach((r, i) => recordIamFact(facts, r, outputs[i]));
  }
  return facts;
}

/** ARNs found in IAM facts (roles and instance profiles live in the caller's account). */
function iamArns(facts: IamFacts | undefined): string[] {
  if (!facts) return [];
  const out: string[] = [];
  for (const r of Object.values(facts.roles)) if (r !== MISSING && r.Role?.Arn) out.push(r.Role.Arn);
  for (const p of Object.values(facts.instanceProfiles)) if (p !== MISSING && p.InstanceProfile?.Arn) out.push(p.InstanceProfile.Arn);
  return out;
}

export interface AccountHints {
  iam?: IamFacts;
  /** Any other ARNs at hand (Batch resources, an EKS cluster). */
  arns?: (string | undefined)[];
  /** Owner ids of the caller's own EC2 objects (a security group, a VPC). */
  ownerIds?: (string | undefined)[];
}

/**
 * The caller's account id, from what is already known when possible; else from the OwnerId of the
 * region's `default` security groups (every VPC has one, owned by the account that owns the VPC).
 */
export async function accountIdOf(backend: Backend, hints: AccountHints = {}): Promise<string> {
  for (const arn of [...iamArns(hints.iam), ...(hints.arns ?? [])]) {
    const acct = arn ? arnAccount(arn) : undefined;
    if (acct && /^\d{12}$/.test(acct)) return acct;
  }
  for (const id of hints.ownerIds ?? []) if (id && /^\d{12}$/.test(id)) return id;
  const groups = await backend.ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['default'] }] });
  const owner = (groups.SecurityGroups ?? []).map((g) => g.OwnerId).find((o) => o && /^\d{12}$/.test(o));
  if (owner) return owner;
  throw new FailureError(
    `cannot tell the account id [${backend.label}]: no role, ARN or owned security group to read it from`,
    'create a VPC with its default security group, or pass the ARNs in full',
  );
}
