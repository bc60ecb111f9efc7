/** `batchctl setup fargate|ec2|eks`: the console's first-run wizard. Only lists the verbs (built lazily: shared/noun.ts). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import type { Platform } from '../../domain/checks/iam-roles.js';
import { addSetupOptions, type SetupFlags } from './options.js';
import { runSetup, type SetupOptions } from './run.js';

const SUMMARY: Record<Platform, string> = {
  fargate: 'Fargate: compute environment, queue (priority 900), job definition with public IP, hello-world job',
  ec2: 'EC2: compute environment (optimal instances, ecsInstanceRole), queue, job definition, hello-world job',
  eks: 'EKS: compute environment on an existing cluster, queue (priority 10), pod job definition, hello-world job',
};

const EXAMPLES: Record<Platform, string> = {
  fargate: `
  $ batchctl setup fargate hello --yes            # default VPC, roles created when missing
  $ batchctl setup fargate hello --dry-run --emit aws-cli
  $ batchctl setup fargate hello --subnets subnet-0a,subnet-0b --security-groups sg-01 --vcpus 1 --memory 2048 --yes`,
  ec2: `
  $ batchctl setup ec2 hello --yes
  $ batchctl setup ec2 hello --spot --instance-types m6i,c6i --max-vcpus 64 --yes`,
  eks: `
  $ batchctl setup eks hello --eks-cluster my-cluster --instance-role eks-node-profile --yes
  $ batchctl setup eks hello --eks-cluster my-cluster --instance-role eks-node-profile --dry-run`,
};

export function setupPlatformCommand(ctx: Context, platform: Platform, runF: (ctx: Context, opts: SetupOptions) => Promise<void> = runSetup): Command {
  const cmd = new Command(platform).description(SUMMARY[platform]);
  addSetupOptions(cmd, platform).addHelpText(
    'after',
    `
Everything it creates is tagged batchctl:stack=NAME; running it again skips what exists and matches,
and reports what differs instead of changing it. \`batchctl teardown NAME\` deletes the stack.
Examples:${EXAMPLES[platform]}`,
  );
  return cmd.action((name: string | undefined, flags: SetupFlags) => runF(ctx, { ...flags, platform, stackName: name }));
}

export default function setupCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'setup',
    'First-run wizards: a compute environment, job queue, job definition and hello-world job',
    [
      { name: 'fargate', build: () => setupPlatformCommand(ctx, 'fargate') },
      { name: 'ec2', build: () => setupPlatformCommand(ctx, 'ec2') },
      { name: 'eks', build: () => setupPlatformCommand(ctx, 'eks') },
    ],
    verb,
  );
}

