/** `batchctl doctor`: one command, no verbs. */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { doctorCommand } from './doctor.js';

export default function doctor(ctx: Context): Command {
  return doctorCommand(ctx);
}
