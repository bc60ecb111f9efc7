/** `batchctl job`: jobs. Only adds the verbs. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { jobDescribeCommand } from './describe.js';
import { jobListCommand } from './list.js';
import { jobStopCommand } from './stop.js';
import { jobSubmitCommand } from './submit.js';
import { jobWaitCommand } from './wait.js';

export default function jobCommand(ctx: Context): Command {
  return new Command('job')
    .description('Jobs: submit, list, describe, wait, cancel, terminate, stop')
    .addCommand(jobSubmitCommand(ctx))
    .addCommand(jobListCommand(ctx))
    .addCommand(jobDescribeCommand(ctx))
    .addCommand(jobWaitCommand(ctx))
    .addCommand(jobStopCommand(ctx, 'cancel'))
    .addCommand(jobStopCommand(ctx, 'terminate'))
    .addCommand(jobStopCommand(ctx, 'stop'));
}
