/** Rules whose situations no scenario builds yet, judged over hand-made facts; and the catalogue. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DescribeConsumableResourceResponse, JobDetail, JobQueueDetail } from '@aws-sdk/client-batch';
import { catalogueMarkdown, diagnose } from '../../../src/domain/doctor/diagnose.js';
import { emptyFacts, type DoctorFacts } from '../../../src/domain/doctor/facts.js';
import { RULES } from '../../../src/domain/doctor/rules/index.js';
import { classifyInvalid, INVALID_REASONS } from '../../../src/domain/doctor/rules/ce.js';
import { diagnoseFailure } from '../../../src/domain/doctor/rules/job-ended.js';
import { allFacts } from '../checks/network-fixtures.js';

const NOW = Date.UTC(2026, 0, 15, 12);
const QARN = 'arn:aws:batch:us-east-1:123456789012:job-queue/q';
const queue = (extra: Partial<JobQueueDetail> = {}): JobQueueDetail => ({ jobQueueName: 'q', jobQueueArn: QARN, state: 'ENABLED', status: 'VALID', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }], ...extra });
const job = (id: string, extra: Partial<JobDetail> = {}): JobDetail =>
  ({ jobId: id, jobName: `j-${id}`, jobArn: `arn:aws:batch:us-east-1:123456789012:job/${id}`, jobQueue: QARN, status: 'RUNNABLE', createdAt: NOW - 3_600_000, jobDefinition: 'jd', container: { resourceRequirements: [{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '2048' }] }, ...extra }) as JobDetail;

function facts(extra: Partial<DoctorFacts> = {}): DoctorFacts {
  return {
    ...emptyFacts(NOW, 'us-east-1'),
    queues: [queue()],
    ces: [{ computeEnvironmentName: 'ce', computeEnvironmentArn: 'arn:ce', state: 'ENABLED', status: 'VALID', type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 4, desiredvCpus: 4, minvCpus: 0, instanceTypes: ['m5.large'], subnets: [], securityGroupIds: [] } }],
    ...extra,
  };
}

const checks = (f: DoctorFacts, j: JobDetail) => diagnose(f, [{ kind: 'job', job: j }])[0]!.checks;
const byId = (cs: ReturnType<typeof checks>, id: string) => cs.find((c) => c.id === id);

describe('RUNNABLE job rules over facts', () => {
  it('position: behind a blocked head job, with earliestTimeAtPosition', () => {
    const head = job('h', { statusReason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - Service cannot fulfill the capacity requested for instance type [m5.large]' });
    const me = job('me');
    const f = facts({ runnable: { [QARN]: [head, me] }, snapshots: { [QARN]: { frontOfQueue: { jobs: [{ jobArn: head.jobArn, earliestTimeAtPosition: NOW - 1000 }, { jobArn: me.jobArn, earliestTimeAtPosition: NOW }] } } } });
    const c = byId(checks(f, me), 'job.runnable.position')!;
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence[0]).toBe(`GetJobQueueSnapshot(q).frontOfQueue.jobs[1]: position 2 of 2, earliestTimeAtPosition=${new Date(NOW).toISOString()}`);
    expect(c.fix).toMatch(/batchctl doctor job h/);
  });

  it('capacity: the CE at maxvCpus with jobs ahead is a WARN naming desiredvCpus', () => {
    const f = facts({ runnable: { [QARN]: [job('a'), job('b'), job('me')] } });
    const c = byId(checks(f, job('me')), 'job.runnable.capacity')!;
    expect(c).toMatchObject({ verdict: 'WARN', evidence: ['2 RUNNABLE job(s) ahead, needing 4 vCPU', 'ce: desiredvCpus=4, maxvCpus=4'] });
  });

  it('share identifier: missing in a fair-share queue', () => {
    const f = facts({ queues: [queue({ schedulingPolicyArn: 'arn:sp' })] });
    expect(byId(checks(f, job('me')), 'job.runnable.share-identifier')!.verdict).toBe('FAIL');
    expect(byId(checks(f, job('me', { shareIdentifier: 'A' })), 'job.runnable.share-identifier')!.verdict).toBe('PASS');
    expect(byId(checks(facts(), job('me')), 'job.runnable.share-identifier')).toBeUndefined();
  });

  it('consumables and time-limit actions', () => {
    const c = byId(checks(facts(), job('me', { consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'licenses', quantity: 2 }] } })), 'job.runnable.consumables')!;
    expect(c).toMatchObject({ verdict: 'WARN', evidence: ['needs 2 of licenses'] });
    const needs = job('me', { consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'licenses', quantity: 2 }] } });
    const res = (available: number, total: number, resourceType = 'REPLENISHABLE'): DescribeConsumableResourceResponse => ({ consumableResourceArn: 'arn:aws:batch:us-east-1:123456789012:consumable-resource/licenses', consumableResourceName: 'licenses', availableQuantity: available, totalQuantity: total, inUseQuantity: total - available, resourceType: resourceType as DescribeConsumableResourceResponse['resourceType'] });
    const verdict = (r: ReturnType<typeof res> | null) => byId(checks(facts({ consumables: { licenses: r } }), needs), 'job.runnable.consumables')!;
    expect(verdict(null)).toMatchObject({ verdict: 'FAIL', title: 'consumable resource licenses does not exist: the job waits until one of that name is created' });
    expect(verdict(null).fix).toContain('batchctl resource create licenses --total N');
    const short = verdict(res(1, 4));
    expect(short).toMatchObject({ verdict: 'WARN', evidence: ['needs 2 of licenses: availableQuantity=1, inUseQuantity=3, totalQuantity=4'] });
    expect(short.fix).toContain('batchctl resource jobs licenses --status RUNNING');
    expect(verdict(res(1, 1)).verdict).toBe('FAIL');
    expect(verdict(res(1, 1)).fix).toContain('batchctl resource update licenses --add N');
    expect(verdict(res(1, 1, 'NON_REPLENISHABLE')).verdict).toBe('FAIL');
    expect(verdict(res(2, 4)).verdict).toBe('PASS');
    const f = facts({ queues: [queue({ jobStateTimeLimitActions: [{ state: 'RUNNABLE', action: 'CANCEL', maxTimeSeconds: 14400, reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT' }] })] });
    const blocked = job('me', { statusReason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - The job resource requirement (vCPU/memory/GPU) is higher than that can be met by the CE(s) attached to the job queue.' });
    const tl = byId(checks(f, blocked), 'job.runnable.time-limit')!;
    expect(tl.verdict).toBe('WARN');
    expect(tl.evidence[1]).toContain(new Date(NOW - 3_600_000 + 14_400_000).toISOString());
  });

  it('every blocked reason is explained, and maxvCpus too small for the job is COMPUTE_ENVIRONMENT_MAX_RESOURCE', () => {
    for (const reason of ['CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - x', 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - x', 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - x', 'MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS - x', 'MISCONFIGURATION:EC2_INSTANCE_CONFIGURATION_UNSUPPORTED - x', 'ACTION_REQUIRED - x', 'UNDETERMINED - x']) {
      const c = byId(checks(facts(), job('me', { statusReason: reason })), 'job.runnable.blocked-reason')!;
      expect(c.verdict).toBe('FAIL');
      expect(c.evidence[1]).toMatch(/^cause: /);
    }
    const big = job('me', { container: { resourceRequirements: [{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '1024' }] } });
    const f = facts();
    f.ces[0]!.computeResources!.maxvCpus = 1;
    expect(byId(checks(f, big), 'job.runnable.fits')!.evidence.join('\n')).toMatch(/COMPUTE_ENVIRONMENT_MAX_RESOURCE/);
  });
});

describe('STARTING, FAILED, queue and CE rules over facts', () => {
  it('a STARTING job that is slow, or whose pull failed; an EKS pod with a failed mount', () => {
    const slow = checks(facts(), job('s', { status: 'STARTING', createdAt: NOW - 20 * 60_000, container: { image: 'big:1' } }));
    expect(byId(slow, 'job.starting.image-pull')).toMatchObject({ verdict: 'WARN', title: 'the job has been starting for 20 min' });
    const pull = checks(facts(), job('s', { status: 'STARTING', container: { reason: 'CannotPullContainerError: nope' } }));
    expect(byId(pull, 'job.starting.image-pull')!.verdict).toBe('FAIL');
    const eks = checks(facts(), job('e', { status: 'STARTING', statusReason: 'Warning FailedMount Unable to attach or mount volumes', eksProperties: { podProperties: { podName: 'aws-batch.1', volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pvc1' } }] } } }));
    expect(byId(eks, 'job.starting.eks-volumes')).toMatchObject({ verdict: 'FAIL', evidence: expect.arrayContaining(['volumes: data (PVC pvc1)']) });
  });

  it('decodes OOM, cancels by time limit and terminations', () => {
    expect(diagnoseFailure(job('o', { status: 'FAILED', attempts: [{ container: { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' } }] })).kind).toBe('oom');
    expect(diagnoseFailure(job('c', { status: 'FAILED', isCancelled: true, statusReason: 'Canceled by JobStateTimeLimit action due to reason: CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY' })).fix).toMatch(/queue cancelled it/);
    expect(diagnoseFailure(job('t', { status: 'FAILED', isTerminated: true, statusReason: 'by me' })).kind).toBe('terminated');
  });

  it('a FAILED pull: the network rule reads the CE\'s routes with the job\'s own assignPublicIp and image', () => {
    const fargateCe = (subnets: string[], sgs: string[]) => ({ computeEnvironmentName: 'ce', computeEnvironmentArn: 'arn:ce', state: 'ENABLED' as const, status: 'VALID' as const, type: 'MANAGED' as const, computeResources: { type: 'FARGATE' as const, maxvCpus: 4, subnets, securityGroupIds: sgs } });
    const failed = (extra: Partial<JobDetail> = {}) => job('p', {
      status: 'FAILED', platformCapabilities: ['FARGATE'], statusReason: 'Task failed to start',
      attempts: [{ statusReason: 'Task failed to start', container: { reason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref busybox: dial tcp: i/o timeout' } }],
      container: { image: 'busybox', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }] }, ...extra,
    });
    // Public subnets, no public IP (the job's default): FAIL, naming assignPublicIp.
    const pub = facts({ ces: [fargateCe(['subnet-0pub1a'], ['sg-0default'])], network: { ce: allFacts() } });
    const cs = checks(pub, failed());
    expect(byId(cs, 'job.failed.network.fargate.public-ip')).toMatchObject({ verdict: 'FAIL', evidence: expect.arrayContaining(['networkConfiguration.assignPublicIp=DISABLED']) });
    expect(byId(cs, 'job.failed.network.egress.subnet-0pub1a')!.verdict).toBe('FAIL');
    // With a public IP the routes are fine: the rule says the pull failed for another reason.
    const ok = checks(pub, failed({ container: { image: 'busybox', networkConfiguration: { assignPublicIp: 'ENABLED' } } }));
    expect(byId(ok, 'job.failed.network.ce')).toMatchObject({ verdict: 'PASS', title: expect.stringContaining('the pull failed for another reason') });
    // A private subnet with ECR endpoints: a Docker Hub image cannot come through them.
    const priv = facts({ ces: [fargateCe(['subnet-0endp1c'], ['sg-0private'])], network: { ce: allFacts() } });
    expect(byId(checks(priv, failed()), 'job.failed.network.egress.subnet-0endp1c')!.evidence).toContain('image busybox is not in this region\'s ECR; VPC endpoints cannot reach it');
    // Not a pull failure, or not FAILED: the rule stays out of it.
    expect(byId(checks(pub, job('x', { status: 'FAILED', attempts: [{ container: { exitCode: 1 } }] })), 'job.failed.network.ce')).toBeUndefined();
    expect(checks(pub, job('r')).some((c) => c.id.startsWith('job.failed.network'))).toBe(false);
  });

  it('a RUNNABLE Fargate job without networkConfiguration gets no public IP (AWS\'s default), as the engine decides', () => {
    const ce = { computeEnvironmentName: 'ce', computeEnvironmentArn: 'arn:ce', state: 'ENABLED' as const, status: 'VALID' as const, type: 'MANAGED' as const, computeResources: { type: 'FARGATE' as const, maxvCpus: 4, subnets: ['subnet-0pub1a'], securityGroupIds: ['sg-0default'] } };
    const f = facts({ ces: [ce], network: { ce: allFacts() } });
    const fargate = (extra: Partial<JobDetail> = {}) => job('f', { platformCapabilities: ['FARGATE'], ...extra });
    expect(byId(checks(f, fargate()), 'job.runnable.network.egress.subnet-0pub1a')!.verdict).toBe('FAIL');
    const enabled = fargate({ container: { resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }], networkConfiguration: { assignPublicIp: 'ENABLED' } } });
    expect(byId(checks(f, enabled), 'job.runnable.network.egress.subnet-0pub1a')!.verdict).toBe('PASS');
  });

  it('a multi-node job whose node instanceType the compute environment does not allow cannot fit', () => {
    const mnp = (instanceType?: string) => job('m', { container: undefined, nodeProperties: { numNodes: 2, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:', container: { ...(instanceType ? { instanceType } : {}), resourceRequirements: [{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '4096' }] } }] } });
    const f = facts({ ces: [{ computeEnvironmentName: 'ce', computeEnvironmentArn: 'arn:ce', state: 'ENABLED', status: 'VALID', type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 64, minvCpus: 0, instanceTypes: ['c4'], subnets: [], securityGroupIds: [] } }] });
    const pinned = byId(checks(f, mnp('c5.xlarge')), 'job.runnable.fits')!;
    expect(pinned.verdict).toBe('FAIL');
    expect(pinned.evidence[0]).toBe('job needs 2 vCPU, 4096 MiB per node x 2 nodes on c5.xlarge only');
    expect(pinned.fix).toMatch(/allow c5\.xlarge in a compute environment of the queue/);
    expect(byId(checks(f, mnp()), 'job.runnable.fits')!.verdict).toBe('PASS');
  });

  it('a queue with invalid time-limit actions; a CE with maxvCpus 0, DISABLED in an ENABLED queue', () => {
    const f = facts({ queues: [queue({ jobStateTimeLimitActions: [{ state: 'RUNNABLE', action: 'CANCEL', maxTimeSeconds: 60, reason: 'UNDETERMINED' }] })] });
    const q = diagnose(f, [{ kind: 'queue', queue: f.queues[0]! }])[0]!;
    expect(q.checks.find((c) => c.id === 'queue.time-limit-actions')).toMatchObject({ verdict: 'WARN', evidence: expect.arrayContaining(['[0].maxTimeSeconds=60: 600 to 86400', expect.stringMatching(/^\[0\]\.reason=UNDETERMINED/)]) });
    const ce = { ...f.ces[0]!, state: 'DISABLED' as const, computeResources: { ...f.ces[0]!.computeResources!, maxvCpus: 0, desiredvCpus: 0 } };
    const r = diagnose({ ...f, ces: [ce] }, [{ kind: 'ce', ce }])[0]!;
    expect(r.checks.find((c) => c.id === 'ce.max-vcpus')!.verdict).toBe('FAIL');
    expect(r.checks.find((c) => c.id === 'ce.state')!.verdict).toBe('WARN');
    expect(r.verdict).toBe('FAIL');
  });

  it('classifies every INVALID reason of spec/06 §4.2 and §4.4', () => {
    const texts = [
      'CLIENT_ERROR - Not authorized to perform sts:AssumeRole (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: dc0e2d28-2e99-11e7-b372-7fcc6fb65fe7)',
      'CLIENT_ERROR - Parameter: SpotFleetRequestConfig.IamFleetRole is invalid. (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSpotFleetRequestConfig; Request ID: 331205f0-5ae3-4cea-bac4-897769639f8d) Parameter: SpotFleetRequestConfig.IamFleetRole is invalid',
      'CLIENT_ERROR - User: arn:aws:sts::account_number:assumed-role/batch-replacement-role/aws-batch is not authorized to perform: action on resource ...',
      'CLIENT_ERROR - Instance profile arn:aws:iam::1:instance-profile/x does not exist',
      'CLIENT_ERROR - Unable to validate Kubernetes Namespace',
      'reason=CLIENT_ERROR - ... EKS Cluster version [2.0] is unsupported',
      'Your compute environment has been INVALIDATED and scaled down because none of the nodes joined the underlying Amazon EKS Cluster.',
    ];
    for (const t of texts) expect(classifyInvalid(t).cause).not.toBe('unrecognised reason');
    expect(INVALID_REASONS.length).toBeGreaterThanOrEqual(texts.length);
  });
});

describe('the catalogue', () => {
  it('has unique ids, reads and a scope for every rule', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.reads.length).toBeGreaterThan(0);
  });

  it('docs/doctor.md is generated from it (run `batchctl doctor --catalogue > docs/doctor.md`)', () => {
    expect(readFileSync(new URL('../../../docs/doctor.md', import.meta.url), 'utf8')).toBe(catalogueMarkdown());
  });
});
