/** `batchctl demo`: a noun without verbs (for now): builds the demo world in the simulator. */
export { demoCommand as default } from './demo.js';
