/** Job queues (spec/06 §10 B1–B5): state, compute environments, head-of-line blocking, time limits. */
import { fail, pass, warn } from '../../checks/types.js';
import { ACTIONABLE_CODES, blockedReasonCode } from '../../scheduling/blocked.js';
import { isUsableCe } from '../../scheduling/order.js';
import { queueCes } from '../facts.js';
import { defineRule } from '../rule.js';
import { BLOCKED_EXPLAINED } from './job-runnable.js';

export const queueStateRule = defineRule({
  id: 'queue.state',
  scope: 'queue',
  when: 'every queue',
  title: 'the queue is ENABLED and VALID',
  reads: ['batch:DescribeJobQueues jobQueues[].{state,status,statusReason}'],
  scenario: 'disabled-queue',
  evaluate(_f, q) {
    const evidence = [`DescribeJobQueues(${q.jobQueueName}): state=${q.state}, status=${q.status}, statusReason=${q.statusReason ?? ''}`];
    if (q.status === 'INVALID') return [fail(this.id, 'the queue is INVALID', this.reads[0]!, evidence, 'fix what statusReason names (its compute environments or scheduling policy), then update the queue')];
    if (q.state === 'DISABLED') return [warn(this.id, 'the queue is DISABLED: it accepts no new jobs', this.reads[0]!, evidence, `batchctl queue enable ${q.jobQueueName}`)];
    return [pass(this.id, this.title, this.reads[0]!, evidence)];
  },
});

export const queueCesRule = defineRule({
  id: 'queue.compute-environments',
  scope: 'queue',
  when: 'every queue',
  title: 'the queue has an ENABLED and VALID compute environment',
  reads: ['batch:DescribeJobQueues computeEnvironmentOrder', 'batch:DescribeComputeEnvironments {state,status,statusReason}'],
  scenario: 'deleted-instance-role',
  evaluate(f, q) {
    const ces = queueCes(f, q);
    const evidence = ces.map((c) => `${c.computeEnvironmentName}: state=${c.state}, status=${c.status}${c.status === 'INVALID' ? `, statusReason=${c.statusReason}` : ''}`);
    if (ces.length === 0) return [fail(this.id, 'the queue has no compute environment', this.reads[0]!, evidence, 'add one: batchctl queue update NAME --compute-environments CE')];
    if (!ces.some(isUsableCe)) {
      const allInvalid = ces.every((c) => c.status === 'INVALID');
      return [fail(this.id, allInvalid ? 'every compute environment of the queue is INVALID (jobs show ACTION_REQUIRED)' : 'no compute environment of the queue is usable', this.reads[1]!, evidence, 'batchctl doctor ce NAME for each; enable the DISABLED ones')];
    }
    return [pass(this.id, this.title, this.reads[1]!, evidence)];
  },
});

export const headOfLineRule = defineRule({
  id: 'queue.head-of-line',
  scope: 'queue',
  when: 'a queue with RUNNABLE jobs',
  title: 'the job at the head of the queue is not blocked',
  reads: ['batch:GetJobQueueSnapshot frontOfQueue.jobs[0]', 'batch:DescribeJobs jobs[].statusReason'],
  scenario: 'oversized-job',
  evaluate(f, q) {
    const jobs = f.runnable[q.jobQueueArn ?? ''] ?? [];
    if (jobs.length === 0) return [];
    const head = jobs[0]!;
    const code = blockedReasonCode(head.statusReason);
    const evidence = [`head: ${head.jobName} (${head.jobId}), statusReason=${head.statusReason ?? '(none)'}`, `${jobs.length} RUNNABLE job(s) read`];
    if (!code) return [pass(this.id, this.title, this.reads[0]!, evidence)];
    const e = BLOCKED_EXPLAINED[code]!;
    const hasAction = (q.jobStateTimeLimitActions ?? []).some((a) => a.reason === code);
    const auto = ACTIONABLE_CODES.includes(code) && !hasAction ? `; to cancel such jobs automatically: jobStateTimeLimitActions=[{"state":"RUNNABLE","action":"CANCEL","maxTimeSeconds":14400,"reason":"${code}"}]` : '';
    return [fail(this.id, `the head job blocks the queue (${code}): ${jobs.length - 1} job(s) wait behind it`, this.reads[0]!, [...evidence, `cause: ${e.cause}`], `${e.fix}; or cancel the head job (batchctl doctor job ${head.jobId})${auto}`)];
  },
});

const VALID_STATES = new Set(['RUNNABLE']);

export const timeLimitActionsRule = defineRule({
  id: 'queue.time-limit-actions',
  scope: 'queue',
  when: 'a queue with jobStateTimeLimitActions',
  title: 'the jobStateTimeLimitActions are valid',
  reads: ['batch:DescribeJobQueues jobStateTimeLimitActions'],
  evaluate(_f, q) {
    const actions = q.jobStateTimeLimitActions ?? [];
    if (actions.length === 0) return [];
    const bad: string[] = [];
    actions.forEach((a, i) => {
      if (!VALID_STATES.has(a.state ?? '')) bad.push(`[${i}].state=${a.state}: only RUNNABLE`);
      if (a.action !== 'CANCEL' && a.action !== 'TERMINATE') bad.push(`[${i}].action=${a.action}: CANCEL (ECS, EKS, Fargate) or TERMINATE (SageMaker)`);
      if (a.maxTimeSeconds === undefined || a.maxTimeSeconds < 600 || a.maxTimeSeconds > 86400) bad.push(`[${i}].maxTimeSeconds=${a.maxTimeSeconds}: 600 to 86400`);
      if (!ACTIONABLE_CODES.includes(a.reason ?? '')) bad.push(`[${i}].reason=${a.reason}: one of ${ACTIONABLE_CODES.join(', ')}`);
    });
    const evidence = actions.map((a, i) => `[${i}] ${a.state} ${a.action} after ${a.maxTimeSeconds}s on ${a.reason}`);
    if (bad.length) return [warn(this.id, 'some jobStateTimeLimitActions can never fire', this.reads[0]!, [...evidence, ...bad], 'fix them with batchctl queue update')];
    return [pass(this.id, this.title, this.reads[0]!, evidence)];
  },
});

export const QUEUE_RULES = [queueStateRule, queueCesRule, headOfLineRule, timeLimitActionsRule];
