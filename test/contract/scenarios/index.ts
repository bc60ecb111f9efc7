/** Every contract scenario, in the order the suites run them. */
import type { Scenario } from '../scenario.js';
import { consumableResourceScenarios } from './consumable-resources.js';
import { jobScenarios } from './jobs.js';
import { lifecycleScenarios } from './lifecycle.js';
import { multinodeScenarios } from './multinode.js';
import { tagScenarios } from './tags.js';
import { validationScenarios } from './validation.js';

export const scenarios: Scenario[] = [...lifecycleScenarios, ...jobScenarios, ...multinodeScenarios, ...consumableResourceScenarios, ...tagScenarios, ...validationScenarios];
