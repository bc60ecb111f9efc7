/** `batchctl resource`: consumable resources (licences, tokens, bandwidth jobs wait for). Only adds the verbs. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { resourceCreateCommand } from './create.js';
import { resourceDeleteCommand } from './delete.js';
import { resourceDescribeCommand } from './describe.js';
import { resourceJobsCommand } from './jobs.js';
import { resourceListCommand } from './list.js';
import { resourceUpdateCommand } from './update.js';

export default function resourceCommand(ctx: Context): Command {
  return new Command('resource')
    .description('Consumable resources: create, list, describe, update, delete, and the jobs that need one')
    .addCommand(resourceListCommand(ctx))
    .addCommand(resourceDescribeCommand(ctx))
    .addCommand(resourceJobsCommand(ctx))
    .addCommand(resourceCreateCommand(ctx))
    .addCommand(resourceUpdateCommand(ctx))
    .addCommand(resourceDeleteCommand(ctx));
}
