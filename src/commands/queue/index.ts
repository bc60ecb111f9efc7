/** `batchctl queue`: job queues. Only adds the verbs. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { queueCreateCommand } from './create.js';
import { queueDeleteCommand } from './delete.js';
import { queueDescribeCommand } from './describe.js';
import { queueListCommand } from './list.js';
import { queueSnapshotCommand } from './snapshot.js';
import { queueStateCommand } from './state.js';
import { queueUpdateCommand } from './update.js';

export default function queueCommand(ctx: Context): Command {
  return new Command('queue')
    .description('Job queues: create, list, describe, snapshot, update, enable, disable, delete')
    .addCommand(queueListCommand(ctx))
    .addCommand(queueDescribeCommand(ctx))
    .addCommand(queueSnapshotCommand(ctx))
    .addCommand(queueCreateCommand(ctx))
    .addCommand(queueUpdateCommand(ctx))
    .addCommand(queueStateCommand(ctx, 'enable'))
    .addCommand(queueStateCommand(ctx, 'disable'))
    .addCommand(queueDeleteCommand(ctx));
}
