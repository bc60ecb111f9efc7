/** `batchctl network`: the VPC side of AWS Batch. Only adds the verbs. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { networkCheckCommand } from './check.js';

export default function networkCommand(ctx: Context): Command {
  return new Command('network')
    .description('Check subnets, routes and security groups for Batch')
    .addCommand(networkCheckCommand(ctx));
}
