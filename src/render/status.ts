/**
 * Colours for Batch's lifecycle words, shared by CLI tables and the dashboard: a status reads the
 * same everywhere. VALID/ACTIVE green, INVALID red, anything in motion yellow, off or gone dim.
 */
import type { Palette } from '../io/color.js';

const GREEN = new Set(['VALID', 'ACTIVE', 'ENABLED', 'SUCCEEDED']);
const RED = new Set(['INVALID', 'FAILED']);
const YELLOW = new Set(['CREATING', 'UPDATING', 'DELETING', 'RUNNABLE', 'STARTING', 'PENDING', 'SUBMITTED']);
const DIM = new Set(['DISABLED', 'DELETED', 'INACTIVE']);

/** A status or state word in its colour; unknown words (and missing ones, shown as "-") stay plain. */
export function colorStatus(word: string | undefined, c: Palette): string {
  if (!word) return '-';
  if (GREEN.has(word)) return c.green(word);
  if (RED.has(word)) return c.red(word);
  if (YELLOW.has(word)) return c.yellow(word);
  if (DIM.has(word)) return c.dim(word);
  return word;
}

/**
 * A resource's `state` (ENABLED/DISABLED): ENABLED is the normal case and stays plain so that the
 * STATUS column carries the colour; DISABLED is dimmed.
 */
export function colorState(state: string | undefined, c: Palette): string {
  if (!state) return '-';
  return state === 'DISABLED' ? c.dim(state) : state;
}
