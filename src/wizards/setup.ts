/** `buildSetupPlan`: the setup flow for whichever platform the answers are for. */
import type { ReportedPlan } from '../domain/checks/plan-notes.js';
import type { SetupAnswers } from './defaults.js';
import { buildEc2SetupPlan } from './plan-ec2.js';
import { buildEksSetupPlan } from './plan-eks.js';
import { buildFargateSetupPlan } from './plan-fargate.js';
import type { ExistingResources } from './plan-common.js';

export type { ExistingResources } from './plan-common.js';

export function buildSetupPlan(answers: SetupAnswers, existing: ExistingResources): ReportedPlan {
  switch (answers.platform) {
    case 'fargate': return buildFargateSetupPlan(answers, existing);
    case 'ec2': return buildEc2SetupPlan(answers, existing);
    case 'eks': return buildEksSetupPlan(answers, existing);
  }
}
