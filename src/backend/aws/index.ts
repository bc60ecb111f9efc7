/**
 * The AWS backend: the Backend port over the AWS SDK v3.
 *
 * - Each service's client (and its `@aws-sdk/client-*` package) is loaded on the first call to its
 *   facet, so `batchctl ce list` loads only client-batch.
 * - Every facet method is one SDK command; `$metadata` is stripped from results, and SDK
 *   exceptions cross the port untouched (name, message, `$metadata.httpStatusCode`).
 * - Calls go through the process-wide token buckets (rate-limiter.ts), the SDK's adaptive retries
 *   with a fail-fast rule for unreachable endpoints (retry.ts), and one `--debug` line each (debug.ts).
 *
 * docs/aws.md describes all of this for users.
 */
import type { Backend, BatchApi, Ec2Api, EksApi, IamApi, LogsApi, ServiceName } from '../port.js';
import type { Pluggable } from '@smithy/types';
import { UsageError, tagAwsCall } from '../../errors.js';
import { sharedRateLimiter, type ApiRateLimiter } from './rate-limiter.js';
import { describeFailure, formatDebugLine } from './debug.js';
import { CONNECTION_TIMEOUT_MS, DEFAULT_MAX_ATTEMPTS, FailFastRetryStrategy, REQUEST_TIMEOUT_MS } from './retry.js';
import { importPackage } from '../../packages.js';

export interface AwsOptions {
  region: string;
  /** A profile from ~/.aws/config and ~/.aws/credentials; otherwise the standard chain (AWS_PROFILE, env, SSO, instance role). */
  profile?: string;
  /** Sends every service to this endpoint (moto, LocalStack, a VPC endpoint). */
  endpointUrl?: string;
  /** Receives one line per API call when `--debug` is on. Never receives credentials. */
  debug?: (line: string) => void;
  /** Attempts per call, including the first (default 8). */
  maxAttempts?: number;
  /** Test hook: static credentials or a provider, passed to every client as `credentials`. */
  credentials?: unknown;
  /** Test hook: a limiter other than the process-wide one. */
  limiter?: ApiRateLimiter;
}

/** The AWS backend also reports its API budget (the dashboard's "API calls in the last minute"). */
export interface AwsBackend extends Backend {
  readonly kind: 'aws';
  /** Calls per service in the last 60 s, counted by the limiter this backend uses. */
  apiCallsLastMinute(): Record<ServiceName, number>;
}

export { apiCallsInLastMinute } from './rate-limiter.js';
export { profileRegion } from './region.js';

/** The few members of an SDK v3 client this file uses. */
interface SdkClient {
  send(command: unknown): Promise<{ $metadata?: { httpStatusCode?: number; attempts?: number } }>;
  destroy(): void;
  middlewareStack: { addRelativeTo(mw: unknown, options: object): void; use(plugin: Pluggable<any, any>): void };
}
type SdkModule = Record<string, unknown>;
interface LoadedService {
  module: SdkModule;
  Client: new (config: Record<string, unknown>) => SdkClient;
}

/**
 * One loader per service, so that a client's package loads only when its loader runs (and tests
 * can observe it with vi.mock).
 */
const LOADERS: Record<ServiceName, () => Promise<LoadedService>> = {
  batch: async () => {
    const m = await importPackage<typeof import('@aws-sdk/client-batch')>('@aws-sdk/client-batch');
    return { module: m as unknown as SdkModule, Client: m.BatchClient as unknown as LoadedService['Client'] };
  },
  ec2: async () => {
    const m = await importPackage<typeof import('@aws-sdk/client-ec2')>('@aws-sdk/client-ec2');
    return { module: m as unknown as SdkModule, Client: m.EC2Client as unknown as LoadedService['Client'] };
  },
  iam: async () => {
    const m = await importPackage<typeof import('@aws-sdk/client-iam')>('@aws-sdk/client-iam');
    return { module: m as unknown as SdkModule, Client: m.IAMClient as unknown as LoadedService['Client'] };
  },
  logs: async () => {
    const m = await importPackage<typeof import('@aws-sdk/client-cloudwatch-logs')>('@aws-sdk/client-cloudwatch-logs');
    return { module: m as unknown as SdkModule, Client: m.CloudWatchLogsClient as unknown as LoadedService['Client'] };
  },
  eks: async () => {
    const m = await importPackage<typeof import('@aws-sdk/client-eks')>('@aws-sdk/client-eks');
    return { module: m as unknown as SdkModule, Client: m.EKSClient as unknown as LoadedService['Client'] };
  },
};

// The operations of each facet. `Record<keyof XApi, true>` makes the compiler check that the list is
// exactly the port's: a missing or extra operation is a type error.
const BATCH_OPS: Record<keyof BatchApi, true> = {
  createComputeEnvironment: true,
  updateComputeEnvironment: true,
  deleteComputeEnvironment: true,
  describeComputeEnvironments: true,
  createJobQueue: true,
  updateJobQueue: true,
  deleteJobQueue: true,
  describeJobQueues: true,
  getJobQueueSnapshot: true,
  registerJobDefinition: true,
  deregisterJobDefinition: true,
  describeJobDefinitions: true,
  submitJob: true,
  describeJobs: true,
  listJobs: true,
  cancelJob: true,
  terminateJob: true,
  createSchedulingPolicy: true,
  updateSchedulingPolicy: true,
  deleteSchedulingPolicy: true,
  describeSchedulingPolicies: true,
  listSchedulingPolicies: true,
  createConsumableResource: true,
  describeConsumableResource: true,
  listConsumableResources: true,
  updateConsumableResource: true,
  deleteConsumableResource: true,
  listJobsByConsumableResource: true,
  tagResource: true,
  untagResource: true,
  listTagsForResource: true,
};
const EC2_OPS: Record<keyof Ec2Api, true> = {
  describeVpcs: true,
  describeSubnets: true,
  describeSecurityGroups: true,
  describeRouteTables: true,
  describeInternetGateways: true,
  describeNatGateways: true,
  describeVpcEndpoints: true,
  describeInstanceTypes: true,
  describeLaunchTemplates: true,
  createSecurityGroup: true,
  deleteSecurityGroup: true,
  authorizeSecurityGroupEgress: true,
  createVpc: true,
  deleteVpc: true,
  createSubnet: true,
  deleteSubnet: true,
  modifySubnetAttribute: true,
  createRouteTable: true,
  deleteRouteTable: true,
  associateRouteTable: true,
  disassociateRouteTable: true,
  createRoute: true,
  deleteRoute: true,
  createInternetGateway: true,
  attachInternetGateway: true,
  detachInternetGateway: true,
  deleteInternetGateway: true,
  createNatGateway: true,
  deleteNatGateway: true,
  createVpcEndpoint: true,
  deleteVpcEndpoints: true,
};
const IAM_OPS: Record<keyof IamApi, true> = {
  getRole: true,
  createRole: true,
  deleteRole: true,
  createServiceLinkedRole: true,
  listAttachedRolePolicies: true,
  attachRolePolicy: true,
  detachRolePolicy: true,
  getInstanceProfile: true,
  createInstanceProfile: true,
  deleteInstanceProfile: true,
  addRoleToInstanceProfile: true,
  removeRoleFromInstanceProfile: true,
};
const LOGS_OPS: Record<keyof LogsApi, true> = {
  describeLogGroups: true,
  describeLogStreams: true,
  getLogEvents: true,
  filterLogEvents: true,
  createLogGroup: true,
  createLogStream: true,
  putLogEvents: true,
};
const EKS_OPS: Record<keyof EksApi, true> = {
  describeCluster: true,
  listClusters: true,
  createCluster: true,
  deleteCluster: true,
};

/** `describeJobs` -> `DescribeJobs` (the SDK command is `DescribeJobsCommand`). */
export function operationName(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1);
}

const NODE_WARNING_ENV = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

export async function createAwsBackend(opts: AwsOptions): Promise<AwsBackend> {
  if (!opts.region) {
    throw new UsageError('no AWS region', 'pass --region, set AWS_REGION, or set a region in your AWS profile');
  }
  const limiter = opts.limiter ?? sharedRateLimiter();
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const clients = new Map<ServiceName, Promise<{ client: SdkClient; module: SdkModule }>>();

  async function createClient(service: ServiceName): Promise<{ client: SdkClient; module: SdkModule }> {
    // The SDK warns on stderr, once per process, that its 2027 releases will need Node 22. That is
    // a note for batchctl's maintainers, not for its users; keep stderr for batchctl's own output
    // unless the user decided otherwise.
    process.env[NODE_WARNING_ENV] ??= 'true';
    const [{ module, Client }, { AdaptiveRetryStrategy }] = await Promise.all([LOADERS[service](), importPackage<typeof import('@smithy/core/retry')>('@smithy/core/retry')]);
    const config: Record<string, unknown> = {
      region: opts.region,
      maxAttempts,
      retryMode: 'adaptive',
      retryStrategy: new FailFastRetryStrategy(new AdaptiveRetryStrategy(maxAttempts)),
      requestHandler: {
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
    };
    if (opts.profile) config.profile = opts.profile;
    if (opts.endpointUrl) config.endpoint = opts.endpointUrl;
    if (opts.credentials !== undefined) config.credentials = opts.credentials;
    const client = new Client(config);
    // Inside the retry loop and before signing: every HTTP attempt takes a token.
    client.middlewareStack.addRelativeTo(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        await limiter.acquire(service, (context.commandName ?? 'Unknown').replace(/Command$/, ''));
        return next(args);
      },
      { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'batchctlRateLimitMiddleware', override: true },
    );
    opts.debug?.(
      `aws ${service} client: region ${opts.region}` +
        (opts.endpointUrl ? `, endpoint ${opts.endpointUrl}` : '') +
        (opts.profile ? `, profile ${opts.profile}` : '') +
        `, retries adaptive (max ${maxAttempts} attempts)`,
    );
    return { client, module };
  }

  function clientFor(service: ServiceName) {
    let p = clients.get(service);
    if (!p) {
      p = createClient(service);
      clients.set(service, p);
      // A failed load (e.g. a missing package) is retried by the next call instead of being cached.
      p.catch(() => clients.delete(service));
    }
    return p;
  }

  async function call(service: ServiceName, method: string, input: unknown): Promise<unknown> {
    const { client, module } = await clientFor(service);
    const op = operationName(method);
    const Command = module[`${op}Command`] as (new (input: unknown) => unknown) | undefined;
    if (typeof Command !== 'function') throw new Error(`the installed AWS SDK for ${service} has no ${op}Command`);
    const started = performance.now();
    try {
      const output = await client.send(new Command(input ?? {}));
      const { $metadata, ...rest } = output;
      opts.debug?.(
        formatDebugLine(service, op, input, {
          status: $metadata?.httpStatusCode,
          attempts: $metadata?.attempts,
          durationMs: performance.now() - started,
        }),
      );
      return rest;
    } catch (err) {
      opts.debug?.(formatDebugLine(service, op, input, { ...describeFailure(err), durationMs: performance.now() - started }));
      tagAwsCall(err, { service, operation: op, ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}) });
      throw err;
    }
  }

  function facet<T>(service: ServiceName, ops: Record<string, true>): T {
    const api: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const method of Object.keys(ops)) api[method] = (input) => call(service, method, input);
    return Object.freeze(api) as T;
  }

  return {
    kind: 'aws',
    label: `aws:${opts.region}`,
    region: opts.region,
    batch: facet<BatchApi>('batch', BATCH_OPS),
    ec2: facet<Ec2Api>('ec2', EC2_OPS),
    iam: facet<IamApi>('iam', IAM_OPS),
    logs: facet<LogsApi>('logs', LOGS_OPS),
    eks: facet<EksApi>('eks', EKS_OPS),
    apiCallsLastMinute: () => limiter.snapshot(),
    async close() {
      const pending = [...clients.values()];
      clients.clear();
      for (const p of pending) {
        try {
          (await p).client.destroy();
        } catch {
          // a client that failed to load holds nothing
        }
      }
    },
  };
}
