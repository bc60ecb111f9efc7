/** `batchctl ce`: compute environments. Only lists the verbs (built lazily: shared/noun.ts). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { ceCreateCommand } from './create.js';
import { ceDeleteCommand } from './delete.js';
import { ceDescribeCommand } from './describe.js';
import { ceListCommand } from './list.js';
import { ceStateCommand } from './state.js';
import { ceUpdateCommand } from './update.js';

export default function ceCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'ce',
    'Compute environments: create, list, describe, update, enable, disable, delete',
    [
      { name: 'list', aliases: ['ls'], build: () => ceListCommand(ctx) },
      { name: 'describe', aliases: ['show'], build: () => ceDescribeCommand(ctx) },
      { name: 'create', build: () => ceCreateCommand(ctx) },
      { name: 'update', build: () => ceUpdateCommand(ctx) },
      { name: 'enable', build: () => ceStateCommand(ctx, 'enable') },
      { name: 'disable', build: () => ceStateCommand(ctx, 'disable') },
      { name: 'delete', aliases: ['rm'], build: () => ceDeleteCommand(ctx) },
    ],
    verb,
  );
}

