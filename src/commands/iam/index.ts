/** `batchctl iam`: the IAM side of AWS Batch. Only adds the verbs. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { iamCheckCommand } from './check.js';
import { iamCreateRolesCommand } from './create-roles.js';
import { iamPolicyCommand } from './policy.js';

export default function iamCommand(ctx: Context): Command {
  return new Command('iam')
    .description('IAM for Batch: check roles and policies, create the missing ones, print the operator policy')
    .addCommand(iamCheckCommand(ctx))
    .addCommand(iamCreateRolesCommand(ctx))
    .addCommand(iamPolicyCommand(ctx));
}
