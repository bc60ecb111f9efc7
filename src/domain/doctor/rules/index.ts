/** The doctor's rule catalogue, in the order checks are listed (docs/doctor.md is generated from it). */
import type { Rule } from '../rule.js';
import { CE_RULES } from './ce.js';
import { ENDED_RULES } from './job-ended.js';
import { RUNNABLE_RULES } from './job-runnable.js';
import { QUEUE_RULES } from './queue.js';

export const RULES: readonly Rule[] = [...RUNNABLE_RULES, ...ENDED_RULES, ...QUEUE_RULES, ...CE_RULES] as Rule[];
