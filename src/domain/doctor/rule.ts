/**
 * A doctor rule: an id, what it is about, what it reads (API and field), and `evaluate`, which
 * judges the facts for one subject (a job, a queue or a compute environment) into Checks with a
 * verdict, evidence and fix, or nothing when the rule does not apply.
 */
import type { ComputeEnvironmentDetail, JobDetail, JobQueueDetail } from '@aws-sdk/client-batch';
import type { Check } from '../checks/types.js';
import type { DoctorFacts } from './facts.js';

export interface Subjects {
  job: JobDetail;
  queue: JobQueueDetail;
  ce: ComputeEnvironmentDetail;
}
export type Scope = keyof Subjects;

export interface Rule<S extends Scope = Scope> {
  id: string;
  scope: S;
  /** When it applies, for people ("a RUNNABLE job"). */
  when: string;
  title: string;
  /** The API calls and fields it reads ("batch:DescribeJobs jobs[].statusReason"). */
  reads: string[];
  /** The scenario (`batchctl sim scenario apply NAME`) that shows it failing, if any. */
  scenario?: string;
  evaluate(facts: DoctorFacts, subject: Subjects[S]): Check[];
}

export function defineRule<S extends Scope>(rule: Rule<S>): Rule<S> {
  return rule;
}
