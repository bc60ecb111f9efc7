/** `batchctl policy`: fair-share scheduling policies. Only lists the verbs (built lazily: shared/noun.ts). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { policyCreateCommand } from './create.js';
import { policyDeleteCommand } from './delete.js';
import { policyDescribeCommand } from './describe.js';
import { policyListCommand } from './list.js';
import { policyUpdateCommand } from './update.js';

export default function policyCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'policy',
    'Fair-share scheduling policies: create, list, describe, update, delete',
    [
      { name: 'list', aliases: ['ls'], build: () => policyListCommand(ctx) },
      { name: 'describe', aliases: ['show'], build: () => policyDescribeCommand(ctx) },
      { name: 'create', build: () => policyCreateCommand(ctx) },
      { name: 'update', build: () => policyUpdateCommand(ctx) },
      { name: 'delete', aliases: ['rm'], build: () => policyDeleteCommand(ctx) },
    ],
    verb,
  );
}

