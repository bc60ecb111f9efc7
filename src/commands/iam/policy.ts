/**
 * `batchctl iam policy`: the least-privilege identity policy an operator needs for batchctl's
 * commands against real AWS (spec/06 §1.4), grouped by command. The document goes to stdout
 * (JSON, or YAML with -o yaml), ready for `aws iam create-policy --policy-document file://…`;
 * which commands each statement serves goes to stderr.
 */
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { operatorPolicy } from '../../domain/checks/iam.js';
import { OPERATOR_COMMANDS, type OperatorCommand } from '../../domain/checks/operator-policy.js';
import { UsageError } from '../../errors.js';

export interface IamPolicyOptions {
  for?: OperatorCommand[];
  accountId?: string;
  partition?: string;
  passRole?: string[];
}

export function iamPolicyCommand(ctx: Context, runF = runIamPolicy): Command {
  return new Command('policy')
    .description('Print the least-privilege IAM policy an operator needs for batchctl')
    .addOption(new Option('--for <group...>', 'only what these command groups need (default: all)').choices(OPERATOR_COMMANDS))
    .option('--account-id <id>', 'limit resource ARNs to this account (default: any account, *)')
    .option('--partition <p>', 'ARN partition (aws, aws-cn, aws-us-gov)', 'aws')
    .option('--pass-role <name...>', 'the roles batchctl may pass to Batch (default ecsInstanceRole ecsTaskExecutionRole)')
    .addHelpText(
      'after',
      `
Groups: ${OPERATOR_COMMANDS.join(', ')}.
Examples:
  $ batchctl iam policy > batchctl-policy.json
  $ batchctl iam policy --for read jobs logs --account-id 123456789012
  $ aws iam create-policy --policy-name batchctl --policy-document file://batchctl-policy.json`,
    )
    .action((flags: IamPolicyOptions) => runF(ctx, flags));
}

export async function runIamPolicy(ctx: Context, flags: IamPolicyOptions): Promise<void> {
  if (flags.accountId !== undefined && !/^\d{12}$/.test(flags.accountId)) {
    throw new UsageError(`--account-id must be 12 digits, not "${flags.accountId}"`);
  }
  const policy = operatorPolicy({ accountId: flags.accountId, partition: flags.partition, commands: flags.for, passRoles: flags.passRole });
  await ctx.print({ data: policy.document, human: () => JSON.stringify(policy.document, null, 2) + '\n' });
  if (ctx.io.isStderrTTY() || ctx.config.output === 'table') {
    const c = ctx.io.color();
    const lines = policy.groups.map((g) => `  ${g.command.padEnd(16)} ${c.dim(g.serves.join(', '))}`);
    ctx.io.err(`${c.dim('statements for:')}\n${lines.join('\n')}\n`);
  }
}
