/** `batchctl ce`: compute environments. Only adds the verbs. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { ceCreateCommand } from './create.js';
import { ceDeleteCommand } from './delete.js';
import { ceDescribeCommand } from './describe.js';
import { ceListCommand } from './list.js';
import { ceStateCommand } from './state.js';
import { ceUpdateCommand } from './update.js';

export default function ceCommand(ctx: Context): Command {
  return new Command('ce')
    .description('Compute environments: create, list, describe, update, enable, disable, delete')
    .addCommand(ceListCommand(ctx))
    .addCommand(ceDescribeCommand(ctx))
    .addCommand(ceCreateCommand(ctx))
    .addCommand(ceUpdateCommand(ctx))
    .addCommand(ceStateCommand(ctx, 'enable'))
    .addCommand(ceStateCommand(ctx, 'disable'))
    .addCommand(ceDeleteCommand(ctx));
}
