/** `batchctl policy`: fair-share scheduling policies. Only adds the verbs. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { policyCreateCommand } from './create.js';
import { policyDeleteCommand } from './delete.js';
import { policyDescribeCommand } from './describe.js';
import { policyListCommand } from './list.js';
import { policyUpdateCommand } from './update.js';

export default function policyCommand(ctx: Context): Command {
  return new Command('policy')
    .description('Fair-share scheduling policies: create, list, describe, update, delete')
    .addCommand(policyListCommand(ctx))
    .addCommand(policyDescribeCommand(ctx))
    .addCommand(policyCreateCommand(ctx))
    .addCommand(policyUpdateCommand(ctx))
    .addCommand(policyDeleteCommand(ctx));
}
