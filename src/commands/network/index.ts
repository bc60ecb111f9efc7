/** `batchctl network`: the VPC side of AWS Batch. Only lists the verbs (built lazily: shared/noun.ts). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { networkCheckCommand } from './check.js';

export default function networkCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'network',
    'Check subnets, routes and security groups for Batch',
    [
      { name: 'check', build: () => networkCheckCommand(ctx) },
    ],
    verb,
  );
}

