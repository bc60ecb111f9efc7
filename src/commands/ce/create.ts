/** `batchctl ce create`: a compute environment from flags (the common case) or an --input request file. */
import { Command, Option } from 'commander';
import type { CreateComputeEnvironmentRequest } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import type { PlanStep } from '../../domain/plan.js';
import { UsageError } from '../../errors.js';
import { validateCreateComputeEnvironment } from '../../domain/validation/compute-environment.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { choiceOption, repeatable, tagOption, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { ALLOCATION_CHOICES, CE_FLAG_FIELDS, COMPUTE_TYPE_CHOICES, CE_TYPE_CHOICES, IMAGE_TYPE_CHOICES, buildCreateRequest, type CeCreateFlags } from './request.js';

export interface CeCreateOptions extends CeCreateFlags {
  name?: string;
  input?: string;
  disabled?: boolean;
}

export function ceCreateCommand(ctx: Context, runF: (ctx: Context, opts: CeCreateOptions) => Promise<void> = runCeCreate): Command {
  const cmd = new Command('create')
    .description('Create a compute environment (managed EC2/Spot/Fargate, EKS, or unmanaged)')
    .argument('[name]', 'name of the new compute environment (or computeEnvironmentName in --input)')
    .addOption(choiceOption('--type <type>', 'managed or unmanaged (default managed)', CE_TYPE_CHOICES))
    .addOption(choiceOption('--compute-type <type>', 'capacity for a managed CE (default EC2)', COMPUTE_TYPE_CHOICES))
    .option('--max-vcpus <n>', 'maximum vCPUs (managed)', wholeNumber(0))
    .option('--min-vcpus <n>', 'vCPUs kept even with no jobs (EC2/Spot)', wholeNumber(0))
    .option('--desired-vcpus <n>', 'initial desired vCPUs (EC2/Spot)', wholeNumber(0))
    .option('--instance-types <types>', 'instance types or families, comma-separated or repeated (e.g. optimal, m6i, c5.large)', repeatable)
    .option('--subnets <ids>', 'subnet ids, comma-separated or repeated', repeatable)
    .option('--security-groups <ids>', 'security group ids, comma-separated or repeated', repeatable)
    .option('--instance-role <profile>', 'instance profile name or ARN for EC2/Spot instances (e.g. ecsInstanceRole)')
    .option('--service-role <arn>', 'service role ARN (default: the service-linked role; required for unmanaged)')
    .addOption(choiceOption('--allocation-strategy <strategy>', 'how instances are chosen (EC2/Spot)', ALLOCATION_CHOICES))
    .option('--bid-percentage <pct>', 'Spot: maximum price as % of On-Demand (0-100)', wholeNumber(0, 100))
    .option('--spot-fleet-role <arn>', 'Spot Fleet role ARN (Spot with BEST_FIT)')
    .option('--launch-template <id|name[:version]>', 'launch template: lt-… id or name, optionally :version ($Default, $Latest, N)')
    .addOption(choiceOption('--image-type <type>', 'AMI family (ec2Configuration imageType)', IMAGE_TYPE_CHOICES))
    .option('--eks-cluster <name|arn>', 'EKS cluster name or ARN (makes an EKS compute environment)')
    .option('--namespace <ns>', 'Kubernetes namespace for an EKS compute environment')
    .option('--unmanaged-vcpus <n>', 'vCPUs available for scheduling (unmanaged)', wholeNumber(0))
    .option('--disabled', 'disable it right after creating it (AWS creates compute environments ENABLED)')
    .addOption(tagOption())
    .addOption(new Option('--input <file>', 'a CreateComputeEnvironment request (JSON or YAML); flags override its fields'))
    .addHelpText(
      'after',
      `
Examples:
  # Fargate: subnets and security groups are all it needs
  $ batchctl ce create fargate-ce --compute-type FARGATE --max-vcpus 16 \\
      --subnets subnet-a,subnet-b --security-groups sg-1

  # EC2 On-Demand with the best-fit-progressive strategy
  $ batchctl ce create ec2-ce --max-vcpus 64 --instance-types optimal \\
      --subnets subnet-a --security-groups sg-1 --instance-role ecsInstanceRole \\
      --allocation-strategy BEST_FIT_PROGRESSIVE

  # Unmanaged: you run the instances
  $ batchctl ce create mine --type unmanaged --unmanaged-vcpus 8 \\
      --service-role arn:aws:iam::123456789012:role/AWSBatchServiceRole

  # From a request file (aws batch create-compute-environment --generate-cli-skeleton)
  $ batchctl ce create --input ce.json --max-vcpus 32`,
    )
    .action(async (name: string | undefined, flags: CeCreateFlags & { input?: string }) => {
      await runF(ctx, { ...flags, name });
    });
  return cmd;
}

export async function runCeCreate(ctx: Context, opts: CeCreateOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const req: CreateComputeEnvironmentRequest = buildCreateRequest(opts.name, opts, file);
  if (!req.computeEnvironmentName) {
    throw new UsageError('a name is required: `batchctl ce create <name>` (or computeEnvironmentName in --input)');
  }
  if (req.eksConfiguration?.eksClusterArn && !req.eksConfiguration.eksClusterArn.startsWith('arn:')) {
    // The API wants the cluster's ARN; a name is friendlier, so look it up.
    const backend = await ctx.backend();
    const out = await backend.eks.describeCluster({ name: req.eksConfiguration.eksClusterArn });
    if (out.cluster?.arn) req.eksConfiguration.eksClusterArn = out.cluster.arn;
  }
  checkIssues(ctx, validateCreateComputeEnvironment(req, { unknownMembers: 'error' }), {
    what: 'compute environment',
    flags: CE_FLAG_FIELDS,
  });
  const name = req.computeEnvironmentName;
  const steps: PlanStep[] = [];
  const kind = req.type === 'UNMANAGED' ? 'unmanaged' : `${req.computeResources?.type ?? 'EC2'}${req.eksConfiguration ? ' on EKS' : ''}`;
  steps.push({ service: 'batch', operation: 'CreateComputeEnvironment', input: stepInput(req), title: `create compute environment ${name}`, reason: `a new ${kind} compute environment` });
  if (opts.disabled) {
    steps.push({
      service: 'batch',
      operation: 'UpdateComputeEnvironment',
      input: { computeEnvironment: name, state: 'DISABLED' },
      title: `disable compute environment ${name}`,
      reason: '--disabled: a compute environment must be created ENABLED, so it is disabled right after',
    });
  }
  await runMutation(ctx, { title: `Create compute environment ${name}`, steps }, {
    success: `Created compute environment ${name}${opts.disabled ? ' (disabled)' : ''}`,
    data: (outputs) => outputs[0],
  });
}
