/** `batchctl jobdef register`: a new revision from flags (single container) or an --input request file. */
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { validateJobDefinitionFile } from '../../domain/validation/job-definition.js';
import { parseKeyValues } from '../shared/flags.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { choiceOption, consumableNeed, tagOption, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { warnMissingConsumables } from '../resource/shared.js';
import { JOBDEF_FLAG_FIELDS, PLATFORM_CHOICES, buildRegisterRequest, parseCommand, parseDecimal, parseTimeoutSeconds, type JobdefRegisterFlags } from './request.js';

export interface JobdefRegisterOptions extends JobdefRegisterFlags {
  name?: string;
  input?: string;
}

const keyValue = (what: string) => (raw: string, prev?: Record<string, string>) => ({ ...(prev ?? {}), ...parseKeyValues([raw], what) });

export function jobdefRegisterCommand(ctx: Context, runF: (ctx: Context, opts: JobdefRegisterOptions) => Promise<void> = runJobdefRegister): Command {
  return new Command('register')
    .description('Register a job definition (a new revision when the name exists)')
    .argument('[name]', 'job definition name (or jobDefinitionName in --input)')
    .option('--image <image>', 'container image, e.g. public.ecr.aws/docker/library/busybox:latest')
    .option('--command <command>', 'the command, split like a shell: "sh -c \'echo $HOME\'"', parseCommand)
    .option('--vcpus <n>', 'vCPUs (EC2: whole numbers; Fargate: 0.25-16) (default 1 without --input)', parseDecimal)
    .option('--memory <MiB>', 'memory in MiB (default 2048 without --input)', parseDecimal)
    .option('--gpus <n>', 'GPUs (EC2 only)', parseDecimal)
    .addOption(choiceOption('--platform <platform>', 'EC2 or FARGATE (default EC2)', PLATFORM_CHOICES))
    .option('--execution-role <arn>', 'execution role ARN (required on Fargate)')
    .option('--job-role <arn>', "the container's IAM role ARN")
    .addOption(new Option('--env <name=value>', 'an environment variable (repeatable)').argParser(keyValue('--env')))
    .addOption(new Option('--parameter <key=value>', 'a default for a Ref::key placeholder in the command (repeatable)').argParser(keyValue('--parameter')))
    .option('--retry-attempts <n>', 'attempts before the job fails (1-10)', wholeNumber(1, 10))
    .option('--timeout <duration>', 'kill an attempt after this long: 90s, 10m, 2h (at least 60s)', parseTimeoutSeconds)
    .option('--log-group <name>', 'CloudWatch Logs group (awslogs driver; default /aws/batch/job)')
    .option('--public-ip', 'Fargate: give the task a public IP (subnets without a NAT gateway need one)')
    .option('--scheduling-priority <n>', 'priority within a fair-share queue (0-9999, higher first)', wholeNumber(0, 9999))
    .option('--propagate-tags', "copy the job's and definition's tags to the ECS task")
    .option('--consumable-resource <name[:n]>', 'a consumable resource each job instance needs, N units (default 1; repeatable, at most 5)', consumableNeed)
    .addOption(tagOption())
    .addOption(new Option('--input <file>', 'a RegisterJobDefinition request (JSON or YAML; see `jobdef skeleton`); flags override its fields'))
    .addHelpText(
      'after',
      `
Examples:
  $ batchctl jobdef register hello --image busybox --command "echo hello from Batch"
  $ batchctl jobdef register sleepy --image busybox --command 'sh -c "sleep $0" Ref::seconds' \\
      --parameter seconds=30 --retry-attempts 3 --timeout 10m
  $ batchctl jobdef register web-fetch --platform FARGATE --vcpus 0.5 --memory 1024 --public-ip \\
      --image curlimages/curl --command "curl -sI https://aws.amazon.com" \\
      --execution-role arn:aws:iam::123456789012:role/ecsTaskExecutionRole
  $ batchctl jobdef skeleton --platform fargate > job.yaml && batchctl jobdef register --input job.yaml`,
    )
    .action(async (name: string | undefined, flags: JobdefRegisterFlags & { input?: string }) => {
      await runF(ctx, { ...flags, name });
    });
}

export async function runJobdefRegister(ctx: Context, opts: JobdefRegisterOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const req = buildRegisterRequest(opts.name, opts, file);
  if (!req.jobDefinitionName) throw new UsageError('a name is required: `batchctl jobdef register <name>` (or jobDefinitionName in --input)');
  if (!opts.input && !opts.image) throw new UsageError('--image is required (or give a whole request with --input FILE)', 'e.g. `batchctl jobdef register hello --image busybox --command "echo hi"`');
  checkIssues(ctx, validateJobDefinitionFile(req, { unknownMembers: 'error' }), { what: 'job definition', flags: opts.input ? {} : JOBDEF_FLAG_FIELDS, hint: 'nothing was registered; `batchctl jobdef validate FILE` checks a file on its own' });
  const name = req.jobDefinitionName;
  const needs = (req.consumableResourceProperties?.consumableResourceList ?? []).map((r) => r.consumableResource!).filter(Boolean);
  if (needs.length) await warnMissingConsumables(ctx, await ctx.backend(), needs);
  await runMutation(
    ctx,
    {
      title: `Register job definition ${name}`,
      steps: [{ service: 'batch', operation: 'RegisterJobDefinition', input: stepInput(req), title: `register job definition ${name}`, reason: 'a new revision (revisions are immutable)' }],
    },
    {
      success: (outputs) => {
        const rev = (outputs[0] as { revision?: number } | undefined)?.revision;
        return rev === undefined ? `Registered job definition ${name}` : `Registered job definition ${name}:${rev}`;
      },
      data: (outputs) => outputs[0],
    },
  );
}
