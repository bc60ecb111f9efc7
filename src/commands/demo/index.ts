/** `batchctl demo`: a noun without verbs: the Fargate first run in the simulator, jobs and logs included. */
export { demoCommand as default } from './demo.js';
