/** Connects a model (anything with subscribe/snapshot) to a view: STYLE.md §6.5. */
import { useSyncExternalStore } from 'react';

export interface Store<S> {
  subscribe(listener: () => void): () => void;
  snapshot(): S;
}

export function useModel<S>(model: Store<S>): S {
  return useSyncExternalStore(model.subscribe, model.snapshot, model.snapshot);
}
