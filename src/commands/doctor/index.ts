/** `batchctl doctor`: explain why a job is stuck or failed, or what is wrong with a queue or CE. */
import { Command } from 'commander';
import type { Context } from '../../context.js';

export default function doctor(_ctx: Context): Command {
  return new Command('doctor').description('Explain why a job is stuck or failed, or what is wrong with a queue or compute environment');
}
