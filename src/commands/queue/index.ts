/** `batchctl queue`: job queues. Only lists the verbs (built lazily: shared/noun.ts). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { queueCreateCommand } from './create.js';
import { queueDeleteCommand } from './delete.js';
import { queueDescribeCommand } from './describe.js';
import { queueListCommand } from './list.js';
import { queueSnapshotCommand } from './snapshot.js';
import { queueStateCommand } from './state.js';
import { queueUpdateCommand } from './update.js';

export default function queueCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'queue',
    'Job queues: create, list, describe, snapshot, update, enable, disable, delete',
    [
      { name: 'list', aliases: ['ls'], build: () => queueListCommand(ctx) },
      { name: 'describe', aliases: ['show'], build: () => queueDescribeCommand(ctx) },
      { name: 'snapshot', build: () => queueSnapshotCommand(ctx) },
      { name: 'create', build: () => queueCreateCommand(ctx) },
      { name: 'update', build: () => queueUpdateCommand(ctx) },
      { name: 'enable', build: () => queueStateCommand(ctx, 'enable') },
      { name: 'disable', build: () => queueStateCommand(ctx, 'disable') },
      { name: 'delete', aliases: ['rm'], build: () => queueDeleteCommand(ctx) },
    ],
    verb,
  );
}

