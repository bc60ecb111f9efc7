/** `batchctl iam`: the IAM side of AWS Batch. Only lists the verbs (built lazily: shared/noun.ts). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { iamCheckCommand } from './check.js';
import { iamCreateRolesCommand } from './create-roles.js';
import { iamPolicyCommand } from './policy.js';

export default function iamCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'iam',
    'IAM for Batch: check roles and policies, create the missing ones, print the operator policy',
    [
      { name: 'check', build: () => iamCheckCommand(ctx) },
      { name: 'create-roles', build: () => iamCreateRolesCommand(ctx) },
      { name: 'policy', build: () => iamPolicyCommand(ctx) },
    ],
    verb,
  );
}

