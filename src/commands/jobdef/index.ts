/** `batchctl jobdef`: job definitions. Only lists the verbs (built lazily: shared/noun.ts). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { jobdefDeregisterCommand } from './deregister.js';
import { jobdefDescribeCommand } from './describe.js';
import { jobdefListCommand } from './list.js';
import { jobdefRegisterCommand } from './register.js';
import { jobdefSkeletonCommand } from './skeleton.js';
import { jobdefValidateCommand } from './validate.js';

export default function jobdefCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'jobdef',
    'Job definitions: register, list, describe, deregister, validate, skeleton',
    [
      { name: 'list', aliases: ['ls'], build: () => jobdefListCommand(ctx) },
      { name: 'describe', aliases: ['show'], build: () => jobdefDescribeCommand(ctx) },
      { name: 'register', build: () => jobdefRegisterCommand(ctx) },
      { name: 'deregister', build: () => jobdefDeregisterCommand(ctx) },
      { name: 'validate', aliases: ['lint'], build: () => jobdefValidateCommand(ctx) },
      { name: 'skeleton', build: () => jobdefSkeletonCommand(ctx) },
    ],
    verb,
  );
}

