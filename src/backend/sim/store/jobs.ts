/** The `jobs` table. The job engine (next issue) adds its queries here; today only counts. */
import type { Store } from './store.js';

export class Jobs {
  constructor(private readonly store: Store) {}

  count(): number {
    return (this.store.stmt('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;
  }
}
