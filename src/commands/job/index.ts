/** `batchctl job`: jobs. Only lists the verbs (built lazily: shared/noun.ts). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { jobDescribeCommand } from './describe.js';
import { jobListCommand } from './list.js';
import { jobStopCommand } from './stop.js';
import { jobSubmitCommand } from './submit.js';
import { jobWaitCommand } from './wait.js';

export default function jobCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'job',
    'Jobs: submit, list, describe, wait, cancel, terminate, stop',
    [
      { name: 'submit', build: () => jobSubmitCommand(ctx) },
      { name: 'list', aliases: ['ls'], build: () => jobListCommand(ctx) },
      { name: 'describe', aliases: ['show'], build: () => jobDescribeCommand(ctx) },
      { name: 'wait', build: () => jobWaitCommand(ctx) },
      { name: 'cancel', build: () => jobStopCommand(ctx, 'cancel') },
      { name: 'terminate', build: () => jobStopCommand(ctx, 'terminate') },
      { name: 'stop', build: () => jobStopCommand(ctx, 'stop') },
    ],
    verb,
  );
}

