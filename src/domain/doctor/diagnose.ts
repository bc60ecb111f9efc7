/**
 * Runs the catalogue over the facts for the targets asked about, grouped by target, and the
 * catalogue as markdown (docs/doctor.md).
 */
import type { ComputeEnvironmentDetail, JobDetail, JobQueueDetail } from '@aws-sdk/client-batch';
import { worstVerdict, type Check, type Verdict } from '../checks/types.js';
import type { DoctorFacts } from './facts.js';
import type { Rule, Scope } from './rule.js';
import { RULES } from './rules/index.js';

export interface TargetReport {
  kind: Scope;
  name: string;
  /** The job's status, the queue's or CE's state/status, for the heading. */
  summary: string;
  verdict: Verdict;
  checks: Check[];
}

export type Target = { kind: 'job'; job: JobDetail } | { kind: 'queue'; queue: JobQueueDetail } | { kind: 'ce'; ce: ComputeEnvironmentDetail };

function run(rules: readonly Rule[], scope: Scope, facts: DoctorFacts, subject: unknown): Check[] {
  return rules.filter((r) => r.scope === scope).flatMap((r) => r.evaluate(facts, subject as never));
}

export function diagnose(facts: DoctorFacts, targets: readonly Target[], rules: readonly Rule[] = RULES): TargetReport[] {
  return targets.map((t) => {
    let checks: Check[];
    let name: string;
    let summary: string;
    if (t.kind === 'job') {
      checks = run(rules, 'job', facts, t.job);
      name = `${t.job.jobName} (${t.job.jobId})`;
      summary = `${t.job.status}${t.job.statusReason ? `: ${t.job.statusReason}` : ''}`;
    } else if (t.kind === 'queue') {
      checks = run(rules, 'queue', facts, t.queue);
      name = t.queue.jobQueueName ?? '';
      summary = `${t.queue.state}, ${t.queue.status}`;
    } else {
      checks = run(rules, 'ce', facts, t.ce);
      name = t.ce.computeEnvironmentName ?? '';
      summary = `${t.ce.computeResources?.type ?? t.ce.type}, ${t.ce.state}, ${t.ce.status}`;
    }
    return { kind: t.kind, name, summary, verdict: worstVerdict(checks), checks };
  });
}

/** docs/doctor.md: the catalogue, one row per rule. */
export function catalogueMarkdown(rules: readonly Rule[] = RULES): string {
  const lines = [
    '# `batchctl doctor`: the rule catalogue',
    '',
    '<!-- Generated from src/domain/doctor/rules: `batchctl doctor --catalogue > docs/doctor.md`; a test fails when it is stale. -->',
    '',
    '`batchctl doctor [job ID | queue NAME | ce NAME]` (no argument: every queue and compute environment)',
    'runs these rules. Each gives PASS, WARN or FAIL with the evidence it read and a fix; the command',
    'exits 1 when any check FAILs. `-o json` prints `{targets: [{kind, name, verdict, checks: [{id, title,',
    'verdict, evidence, fix, reads}]}]}`. `batchctl sim scenario apply NAME` builds each scenario in the',
    'simulator, so you can see what the doctor says about it.',
    '',
  ];
  for (const scope of ['job', 'queue', 'ce'] as const) {
    lines.push(`## ${scope === 'job' ? 'Jobs' : scope === 'queue' ? 'Job queues' : 'Compute environments'}`, '', '| id | applies to | checks | reads | scenario |', '|---|---|---|---|---|');
    for (const r of rules.filter((x) => x.scope === scope)) {
      lines.push(`| \`${r.id}\` | ${r.when} | ${r.title} | ${r.reads.map((x) => `\`${x}\``).join('<br>')} | ${r.scenario ? `\`${r.scenario}\`` : ''} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
