/** `batchctl logs`: a job's CloudWatch logs (one command, no verbs). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { logsCommand } from './logs.js';

export default function logs(ctx: Context): Command {
  return logsCommand(ctx);
}
