/** `batchctl resource`: consumable resources (licences, tokens, bandwidth jobs wait for). Only lists the verbs (built lazily: shared/noun.ts). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { resourceCreateCommand } from './create.js';
import { resourceDeleteCommand } from './delete.js';
import { resourceDescribeCommand } from './describe.js';
import { resourceJobsCommand } from './jobs.js';
import { resourceListCommand } from './list.js';
import { resourceUpdateCommand } from './update.js';

export default function resourceCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'resource',
    'Consumable resources: create, list, describe, update, delete, and the jobs that need one',
    [
      { name: 'list', aliases: ['ls'], build: () => resourceListCommand(ctx) },
      { name: 'describe', aliases: ['show'], build: () => resourceDescribeCommand(ctx) },
      { name: 'jobs', build: () => resourceJobsCommand(ctx) },
      { name: 'create', build: () => resourceCreateCommand(ctx) },
      { name: 'update', build: () => resourceUpdateCommand(ctx) },
      { name: 'delete', aliases: ['rm'], build: () => resourceDeleteCommand(ctx) },
    ],
    verb,
  );
}

