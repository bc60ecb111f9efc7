/**
 * The setup wizard's screens as data (no React): which answers each step asks for, how a field's
 * text becomes an answer and back, and which validation issues belong to which field. Labels and
 * flags come from ANSWER_FIELDS, so the wizard, the flag path and the error messages agree.
 */
import type * as E from '@aws-sdk/client-ec2';
import type { IamFacts } from '../../domain/checks/iam.js';
import type { ReportedPlan } from '../../domain/checks/plan-notes.js';
import type { Check } from '../../domain/checks/types.js';
import { splitShellWords } from '../../commands/jobdef/shell-words.js';
import {
  ANSWER_FIELDS,
  derivedNames,
  derivedNamespace,
  FARGATE_VCPUS,
  fargateMemoryOptions,
  flagFor,
  type Platform,
  type SetupAnswers,
} from '../defaults.js';
import { validateAnswers, type Issue } from '../validate.js';
import { compareStrings } from '../../domain/compare.js';

/** What the review screen shows: the plan the command would apply, its preflight, or why there is none. */
export interface WizardReview {
  plan?: ReportedPlan;
  /** The network preflight (a FAIL blocks Create unless `ignoreChecks`). */
  checks: Check[];
  /** Answers the account rejects (a subnet that does not exist, a role that may not be created...). */
  issues: Issue[];
  /** Where the network came from, for people ("the default VPC vpc-1"). */
  networkSource?: string;
  /** Reading the account failed (the message), so there is no plan. */
  error?: string;
}

/** What the command already knows about the account, for choices and validation as typed. */
export interface WizardFacts {
  /** The backend's label (`sim`, `aws:us-east-1`). */
  world: string;
  vpcs: E.Vpc[];
  /** Every subnet of the region (the choices, and the "one VPC" check as the user picks). */
  subnets: E.Subnet[];
  securityGroups: E.SecurityGroup[];
  /** EKS: the clusters of the region (ListClusters), to pick one. */
  clusters?: string[];
  /** IAM as read for the initial answers (roles that exist, trust). */
  iam?: IamFacts;
  /** --ignore-checks: a preflight FAIL does not block Create. */
  ignoreChecks?: boolean;
  /** Builds the plan for the answers: every read, the account-aware validation, the preflight. */
  review(answers: SetupAnswers): Promise<WizardReview>;
}

export interface Choice {
  value: string;
  label: string;
  /** Dim text after the label (zone, CIDR, VPC...). */
  detail?: string;
}

interface FieldBase {
  /** The SetupAnswers key; its flag (flagFor) is how issues find the field. */
  key: string;
  label: string;
  /** One dim line under the focused field. */
  hint?: (a: SetupAnswers) => string | undefined;
}

export interface TextField extends FieldBase {
  kind: 'text';
  format(a: SetupAnswers): string;
  /** The answers with the typed text, or why the text is not an answer yet. */
  parse(a: SetupAnswers, text: string): SetupAnswers | { error: string };
}

export interface ToggleField extends FieldBase {
  kind: 'toggle';
  get(a: SetupAnswers): boolean;
  set(a: SetupAnswers, on: boolean): SetupAnswers;
}

export interface SelectField extends FieldBase {
  kind: 'select';
  choices(a: SetupAnswers, facts: WizardFacts): Choice[];
  get(a: SetupAnswers): string;
  set(a: SetupAnswers, value: string): SetupAnswers;
}

export interface MultiField extends FieldBase {
  kind: 'multi';
  choices(a: SetupAnswers, facts: WizardFacts): Choice[];
  get(a: SetupAnswers): string[];
  set(a: SetupAnswers, values: string[]): SetupAnswers;
}

export type Field = TextField | ToggleField | SelectField | MultiField;

export interface Step {
  id: 'ce' | 'queue' | 'jobdef' | 'job' | 'review';
  title: string;
}

/** The console's wizard steps (spec/01 §3–4); step 6, the job's output, is the command's. */
export const STEPS: readonly Step[] = [
  { id: 'ce', title: 'Compute environment' },
  { id: 'queue', title: 'Job queue' },
  { id: 'jobdef', title: 'Job definition' },
  { id: 'job', title: 'Job' },
  { id: 'review', title: 'Review and create' },
];

export const REVIEW_STEP = STEPS.length - 1;

/** Prompts too long for the label column: the label, and the rest as the note. */
const LONG_PROMPTS: Record<string, { label: string; note: string }> = {
  kubernetesNamespace: { label: 'Kubernetes namespace', note: 'for the Batch pods' },
  private: { label: 'Private cluster?', note: 'no internet' },
};

/** "Stack name (prefix of every resource name)" -> label "Stack name", note "prefix of every resource name". */
function promptOf(key: string): { label: string; note?: string } {
  if (LONG_PROMPTS[key]) return LONG_PROMPTS[key]!;
  const prompt = ANSWER_FIELDS.find((f) => f.field === key)?.prompt ?? key;
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(prompt);
  return m ? { label: m[1]!, note: m[2]! } : { label: prompt };
}

/** The hint line: the prompt's note, the field's own words, and the flag that sets it. */
function hintFor(key: string, extra?: (a: SetupAnswers) => string | undefined): (a: SetupAnswers) => string {
  return (a) => [promptOf(key).note, extra?.(a), flagFor(key)].filter(Boolean).join(' · ');
}

type AnyAnswers = SetupAnswers & Record<string, unknown>;
const put = (a: SetupAnswers, key: string, value: unknown): SetupAnswers => ({ ...(a as AnyAnswers), [key]: value }) as SetupAnswers;
const read = (a: SetupAnswers, key: string): unknown => (a as AnyAnswers)[key];

function text(key: string, opts: { parse?: (text: string) => unknown | { error: string }; format?: (v: unknown) => string; hint?: (a: SetupAnswers) => string | undefined } = {}): TextField {
  const parse = opts.parse ?? ((t: string) => t.trim());
  const format = opts.format ?? ((v: unknown) => (v === undefined ? '' : String(v)));
  return {
    kind: 'text',
    key,
    label: promptOf(key).label,
    hint: hintFor(key, opts.hint),
    format: (a) => format(read(a, key)),
    parse(a, raw) {
      const v = parse(raw);
      if (v && typeof v === 'object' && 'error' in (v as object)) return v as { error: string };
      return put(a, key, v);
    },
  };
}

function wholeNumber(optional = false) {
  return (t: string): number | undefined | { error: string } => {
    const s = t.trim();
    if (s === '' && optional) return undefined;
    if (!/^\d+$/.test(s)) return { error: s === '' ? 'enter a whole number' : `"${s}" is not a whole number` };
    return Number(s);
  };
}

function positiveNumber(t: string): number | { error: string } {
  const s = t.trim();
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s) || !(Number(s) > 0)) return { error: s === '' ? 'enter a number of vCPUs' : `"${s}" is not a positive number` };
  return Number(s);
}

function optionalText(t: string): string | undefined {
  const s = t.trim();
  return s === '' ? undefined : s;
}

/** Words back into one line a shell (and splitShellWords) reads the same. */
export function joinShellWords(words: readonly string[]): string {
  return words.map((w) => (/^[A-Za-z0-9_\-./:=@,+%]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function commandField(): TextField {
  return text('command', {
    parse: (t) => {
      try {
        const words = splitShellWords(t);
        return words.length === 0 ? { error: 'enter a command (e.g. echo hello world)' } : words;
      } catch (err) {
        return { error: `${(err as Error).message}` };
      }
    },
    format: (v) => joinShellWords(v as string[]),
    hint: () => 'split like a shell: quote words with spaces',
  });
}

const NAME_KEYS = ['computeEnvironmentName', 'jobQueueName', 'jobDefinitionName', 'jobName'] as const;

/** The stack name: names still derived from the old one follow it (so do the EKS namespace). */
function stackField(): TextField {
  return {
    kind: 'text',
    key: 'stack',
    label: promptOf('stack').label,
    hint: hintFor('stack'),
    format: (a) => a.stack,
    parse(a, raw) {
      const stack = raw.trim();
      if (stack === '') return { error: 'enter a stack name' };
      const before = derivedNames(a.stack);
      const after = derivedNames(stack);
      const next: Record<string, unknown> = { ...(a as AnyAnswers), stack };
      for (const k of NAME_KEYS) if (a[k] === before[k]) next[k] = after[k];
      if (a.platform === 'eks' && a.kubernetesNamespace === derivedNamespace(a.stack)) next.kubernetesNamespace = derivedNamespace(stack);
      return next as unknown as SetupAnswers;
    },
  };
}

function toggle(key: string, get: (a: SetupAnswers) => boolean, set: (a: SetupAnswers, on: boolean) => SetupAnswers, hint?: (a: SetupAnswers) => string | undefined): ToggleField {
  return { kind: 'toggle', key, label: promptOf(key).label, hint: hintFor(key, hint), get, set };
}

const ALLOCATION: Record<'ec2' | 'eks', readonly string[]> = {
  ec2: ['BEST_FIT_PROGRESSIVE', 'BEST_FIT', 'SPOT_PRICE_CAPACITY_OPTIMIZED', 'SPOT_CAPACITY_OPTIMIZED'],
  eks: ['BEST_FIT_PROGRESSIVE', 'SPOT_PRICE_CAPACITY_OPTIMIZED', 'SPOT_CAPACITY_OPTIMIZED'],
};

/** Spot on picks the Spot strategy, off the On-Demand one, as the flags do (--spot). */
function spotField(): ToggleField {
  return toggle('spot', (a) => a.spot, (a, on) => {
    const next = { ...a, spot: on } as SetupAnswers;
    if (next.platform !== 'fargate') {
      if (on && next.allocationStrategy === 'BEST_FIT_PROGRESSIVE') next.allocationStrategy = 'SPOT_PRICE_CAPACITY_OPTIMIZED';
      if (!on && next.allocationStrategy.startsWith('SPOT_')) next.allocationStrategy = 'BEST_FIT_PROGRESSIVE';
    }
    return next;
  }, (a) => (a.platform === 'fargate' ? 'FARGATE_SPOT instead of FARGATE' : 'SPOT instances instead of On-Demand'));
}

function subnetChoices(a: SetupAnswers, facts: WizardFacts): Choice[] {
  const defaultVpc = facts.vpcs.find((v) => v.IsDefault)?.VpcId;
  const known = [...facts.subnets].sort((x, y) => compareStrings((x.VpcId ?? ''), y.VpcId ?? '') || compareStrings((x.AvailabilityZone ?? ''), y.AvailabilityZone ?? ''));
  const choices: Choice[] = known.map((s) => ({
    value: s.SubnetId!,
    label: s.SubnetId!,
    detail: [s.AvailabilityZone, s.CidrBlock, `${s.VpcId}${s.VpcId === defaultVpc ? ' (default)' : ''}`, nameTag(s.Tags)].filter(Boolean).join('  '),
  }));
  for (const id of a.subnets) if (!choices.some((c) => c.value === id)) choices.push({ value: id, label: id, detail: 'not found in this region' });
  return choices;
}

function groupChoices(a: SetupAnswers, facts: WizardFacts): Choice[] {
  // The groups of the chosen subnets' VPC first: the only ones the compute environment can use.
  const vpcs = new Set(facts.subnets.filter((s) => a.subnets.includes(s.SubnetId ?? '')).map((s) => s.VpcId));
  const known = [...facts.securityGroups].sort((x, y) =>
    Number(!vpcs.has(x.VpcId)) - Number(!vpcs.has(y.VpcId)) || compareStrings((x.VpcId ?? ''), y.VpcId ?? '') || compareStrings((x.GroupName ?? ''), y.GroupName ?? ''));
  const choices: Choice[] = known.map((g) => ({ value: g.GroupId!, label: g.GroupId!, detail: [g.GroupName, g.VpcId].filter(Boolean).join('  ') }));
  for (const id of a.securityGroupIds) if (!choices.some((c) => c.value === id)) choices.push({ value: id, label: id, detail: 'not found in this region' });
  return choices;
}

function nameTag(tags: E.Tag[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}

function networkFields(): Field[] {
  return [
    { kind: 'multi', key: 'subnets', label: promptOf('subnets').label, hint: hintFor('subnets', () => 'space picks; all in one VPC'), choices: subnetChoices, get: (a) => a.subnets, set: (a, v) => ({ ...a, subnets: v }) },
    { kind: 'multi', key: 'securityGroupIds', label: promptOf('securityGroupIds').label, hint: hintFor('securityGroupIds', () => 'space picks; in the subnets\' VPC'), choices: groupChoices, get: (a) => a.securityGroupIds, set: (a, v) => ({ ...a, securityGroupIds: v }) },
  ];
}

function createRolesField(): ToggleField {
  return toggle('createRoles', (a) => a.createRoles, (a, on) => ({ ...a, createRoles: on }), () => 'off: missing roles are errors');
}

/** The fields of one step, in screen order, for the platform. */
export function stepFields(platform: Platform, step: number, facts?: Pick<WizardFacts, 'clusters'>): Field[] {
  const id = STEPS[step]?.id;
  const num = (key: string, optional = false) => text(key, { parse: wholeNumber(optional) });
  switch (id) {
    case 'ce': {
      const f: Field[] = [stackField()];
      if (platform === 'eks') {
        const clusters = facts?.clusters ?? [];
        f.push(clusters.length > 0
          ? { kind: 'select', key: 'clusterName', label: promptOf('clusterName').label, hint: hintFor('clusterName', () => 'space: next cluster'), choices: () => clusters.map((c) => ({ value: c, label: c })), get: (a) => (a.platform === 'eks' ? a.clusterName : ''), set: (a, v) => ({ ...a, clusterName: v, eksClusterArn: undefined }) as SetupAnswers }
          : text('clusterName', { hint: () => 'batchctl does not create clusters' }));
        f.push(text('kubernetesNamespace'));
      }
      f.push(text('computeEnvironmentName'), spotField(), num('maxvCpus'));
      if (platform !== 'fargate') f.push(num('minvCpus'));
      if (platform === 'ec2') f.push(num('desiredvCpus'));
      if (platform !== 'fargate') {
        f.push(
          text('instanceRole', { hint: () => (platform === 'ec2' ? 'created when missing' : 'the node profile eksctl created') }),
          text('instanceTypes', {
            parse: (t) => t.split(/[\s,]+/).filter(Boolean),
            format: (v) => (v as string[]).join(','),
            hint: () => (platform === 'ec2' ? 'comma-separated types or families, or optimal' : 'comma-separated types or families'),
          }),
        );
        if (platform === 'eks') f.push(createRolesField());
        f.push({
          kind: 'select', key: 'allocationStrategy', label: promptOf('allocationStrategy').label, hint: hintFor('allocationStrategy', () => 'space: next; SPOT_* needs Spot'),
          choices: () => ALLOCATION[platform].map((s) => ({ value: s, label: s })),
          get: (a) => (a.platform === 'fargate' ? '' : a.allocationStrategy),
          set: (a, v) => ({ ...a, allocationStrategy: v }) as SetupAnswers,
        });
        if (platform === 'ec2') f.push(createRolesField());
      }
      if (platform === 'ec2') f.push(num('bidPercentage', true), text('ec2KeyPair', { parse: optionalText }));
      f.push(...networkFields());
      if (platform === 'eks') f.push(toggle('private', (a) => a.platform === 'eks' && a.private, (a, on) => ({ ...a, private: on }) as SetupAnswers, () => 'images must then be in ECR'));
      return f;
    }
    case 'queue':
      return [text('jobQueueName'), text('priority', { parse: wholeNumber(), hint: () => '0–1000; higher runs first' })];
    case 'jobdef': {
      const f: Field[] = [text('jobDefinitionName')];
      if (platform === 'fargate') {
        f.push(
          text('executionRole', { hint: () => 'created when missing' }),
          createRolesField(),
          toggle('assignPublicIp', (a) => a.platform === 'fargate' && a.assignPublicIp === 'ENABLED', (a, on) => ({ ...a, assignPublicIp: on ? 'ENABLED' : 'DISABLED' }) as SetupAnswers, () => 'needed to pull a public image from a public subnet'),
        );
      }
      f.push(
        text('image'),
        commandField(),
        text('vcpus', { parse: positiveNumber, hint: () => (platform === 'fargate' ? `Fargate: ${FARGATE_VCPUS.join(', ')}` : undefined) }),
        text('memory', {
          parse: wholeNumber(),
          hint: (a) => {
            if (platform !== 'fargate') return undefined;
            const opts = fargateMemoryOptions(a.vcpus);
            if (opts.length === 0) return undefined;
            return `Fargate with ${a.vcpus} vCPU: ${opts.length > 6 ? `${opts[0]}–${opts.at(-1)} in steps of ${opts[1]! - opts[0]!}` : opts.join(', ')}`;
          },
        }),
      );
      return f;
    }
    case 'job':
      return [
        toggle('noJob', (a) => !a.noJob, (a, on) => ({ ...a, noJob: !on }), () => 'setup waits for it and shows its output'),
        text('jobName'),
      ];
    default:
      return [];
  }
}

/** The step and field an issue belongs to (by its flag), or undefined when no screen shows that answer. */
export function fieldOfIssue(platform: Platform, issue: Issue, facts?: Pick<WizardFacts, 'clusters'>): { step: number; index: number } | undefined {
  for (let step = 0; step < REVIEW_STEP; step++) {
    const index = stepFields(platform, step, facts).findIndex((f) => flagFor(f.key) === issue.field);
    if (index >= 0) return { step, index };
  }
  return undefined;
}

/** What the pure validators say about the answers, knowing what the command read. */
export function answerIssues(a: SetupAnswers, facts: Pick<WizardFacts, 'subnets' | 'securityGroups' | 'iam'>): Issue[] {
  return validateAnswers(a, { network: { subnets: { Subnets: facts.subnets }, securityGroups: { SecurityGroups: facts.securityGroups } }, iam: facts.iam });
}

/** The messages under one field: its parse error first, then every issue naming its flag. */
export function fieldErrors(field: Field, issues: readonly Issue[], parseError?: string): string[] {
  const out = parseError ? [parseError] : [];
  for (const i of issues) if (i.field === flagFor(field.key) && !out.includes(i.message)) out.push(i.message);
  return out;
}
