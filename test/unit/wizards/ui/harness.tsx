/**
 * The setup wizard in ink-testing-library, driven as a person would: keys in, frames (without
 * colour) out. Facts describe a region with a default VPC (three subnets, its default group) and a
 * second VPC; the review answers with a plan the test gives.
 */
import type * as E from '@aws-sdk/client-ec2';
import { render } from 'ink-testing-library';
import type { ReportedPlan } from '../../../../src/domain/checks/plan-notes.js';
import type { Check } from '../../../../src/domain/checks/types.js';
import { palette, stripAnsi } from '../../../../src/io/color.js';
import { defaultAnswers, type Platform, type SetupAnswers } from '../../../../src/wizards/defaults.js';
import type { WizardFacts, WizardReview } from '../../../../src/wizards/ui/fields.js';
import { SetupWizard } from '../../../../src/wizards/ui/wizard.js';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  space: ' ',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
  home: '\u001B[H',
} as const;

export const SUBNETS: E.Subnet[] = [
  { SubnetId: 'subnet-0a', VpcId: 'vpc-0default', AvailabilityZone: 'us-east-1a', CidrBlock: '172.31.0.0/20' },
  { SubnetId: 'subnet-0b', VpcId: 'vpc-0default', AvailabilityZone: 'us-east-1b', CidrBlock: '172.31.16.0/20' },
  { SubnetId: 'subnet-0c', VpcId: 'vpc-0default', AvailabilityZone: 'us-east-1c', CidrBlock: '172.31.32.0/20' },
  { SubnetId: 'subnet-0other', VpcId: 'vpc-0other', AvailabilityZone: 'us-east-1a', CidrBlock: '10.0.0.0/24', Tags: [{ Key: 'Name', Value: 'other-a' }] },
];
export const GROUPS: E.SecurityGroup[] = [
  { GroupId: 'sg-0default', GroupName: 'default', VpcId: 'vpc-0default' },
  { GroupId: 'sg-0other', GroupName: 'default', VpcId: 'vpc-0other' },
];

/** A plan as the setup command would build it for `stack` (the titles are what the review shows). */
export function fargatePlan(stack: string): ReportedPlan {
  const step = (title: string, service: 'iam' | 'batch', operation: string, reason: string) => ({ title, service, operation, reason, input: {} });
  return {
    title: `Set up the fargate stack ${stack}`,
    steps: [
      step('create role ecsTaskExecutionRole', 'iam', 'CreateRole', 'no role named ecsTaskExecutionRole'),
      step(`create compute environment ${stack}-ce`, 'batch', 'CreateComputeEnvironment', `no compute environment named ${stack}-ce`),
      step(`create job queue ${stack}-queue`, 'batch', 'CreateJobQueue', `no job queue named ${stack}-queue`),
      step(`register job definition ${stack}-job-def`, 'batch', 'RegisterJobDefinition', `no ACTIVE job definition named ${stack}-job-def`),
      step(`submit job ${stack}-hello-world`, 'batch', 'SubmitJob', 'the hello-world job proves the stack works end to end'),
    ],
    skipped: [],
    conflicts: [],
  };
}

export const PASS: Check = { id: 'network.subnets', title: 'subnets exist and share one VPC', verdict: 'PASS', evidence: [], reads: 'ec2:DescribeSubnets' };
export const FAIL: Check = { id: 'network.egress.subnet-0a', title: 'subnet-0a can reach the internet', verdict: 'FAIL', evidence: ['no route to 0.0.0.0/0'], fix: 'add a NAT gateway route', reads: 'ec2:DescribeRouteTables' };

export interface Driver {
  frame(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  until(text: string | RegExp): Promise<string>;
  /** onDone's argument once it was called ('pending' before). */
  done(): SetupAnswers | undefined | 'pending';
  reviews: SetupAnswers[];
  unmount(): void;
}

export async function settle(): Promise<void> {
  // React 19's scheduler needs a macrotask or two to flush (Shopify's waitForInputsToBeReady).
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 5));
}

export interface StartOptions {
  platform?: Platform;
  initial?: SetupAnswers;
  review?: (a: SetupAnswers) => Promise<WizardReview>;
  facts?: Partial<WizardFacts>;
  rows?: number;
  columns?: number;
}

export async function start(opts: StartOptions = {}): Promise<Driver> {
  const platform = opts.platform ?? 'fargate';
  const initial = opts.initial ?? defaultAnswers(platform, 'demo', { subnets: ['subnet-0a', 'subnet-0b', 'subnet-0c'], securityGroupIds: ['sg-0default'] });
  const reviews: SetupAnswers[] = [];
  let result: SetupAnswers | undefined | 'pending' = 'pending';
  const facts: WizardFacts = {
    world: 'sim',
    vpcs: [{ VpcId: 'vpc-0default', IsDefault: true }, { VpcId: 'vpc-0other', IsDefault: false }],
    subnets: SUBNETS,
    securityGroups: GROUPS,
    async review(a) {
      reviews.push(a);
      return opts.review ? opts.review(a) : { plan: fargatePlan(a.stack), checks: [PASS], issues: [], networkSource: 'the default VPC vpc-0default' };
    },
    ...opts.facts,
  };
  const r = render(<SetupWizard initial={initial} facts={facts} palette={palette(false)} size={{ columns: opts.columns ?? 100, rows: opts.rows ?? 30 }} onDone={(a) => (result = a)} />);
  const d: Driver = {
    frame: () => stripAnsi(r.lastFrame() ?? ''),
    press: async (...keys) => {
      for (const k of keys) {
        r.stdin.write(k);
        await settle();
      }
    },
    type: async (text) => {
      for (const ch of text) {
        r.stdin.write(ch);
        await settle();
      }
    },
    until: async (what) => {
      for (let i = 0; i < 100; i++) {
        const f = d.frame();
        if (typeof what === 'string' ? f.includes(what) : what.test(f)) return f;
        await settle();
      }
      throw new Error(`the wizard never showed ${String(what)}; it shows:\n${d.frame()}`);
    },
    done: () => result,
    reviews,
    unmount: () => r.unmount(),
  };
  await settle();
  return d;
}
