/** `batchctl jobdef`: job definitions. Only adds the verbs. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { jobdefDeregisterCommand } from './deregister.js';
import { jobdefDescribeCommand } from './describe.js';
import { jobdefListCommand } from './list.js';
import { jobdefRegisterCommand } from './register.js';
import { jobdefSkeletonCommand } from './skeleton.js';
import { jobdefValidateCommand } from './validate.js';

export default function jobdefCommand(ctx: Context): Command {
  return new Command('jobdef')
    .description('Job definitions: register, list, describe, deregister, validate, skeleton')
    .addCommand(jobdefListCommand(ctx))
    .addCommand(jobdefDescribeCommand(ctx))
    .addCommand(jobdefRegisterCommand(ctx))
    .addCommand(jobdefDeregisterCommand(ctx))
    .addCommand(jobdefValidateCommand(ctx))
    .addCommand(jobdefSkeletonCommand(ctx));
}
