/** Where the dashboard can be (its views) and what the `:` command line means. */

export type Route =
  | { kind: 'queues' }
  | { kind: 'jobs'; queue: string; arrayJobId?: string; arrayName?: string; multiNodeJobId?: string }
  | { kind: 'detail'; jobId: string }
  /** `nodes`: a multi-node job's node count, when the log is one of its nodes' (`ID#N`; `[` `]` switch node). */
  | { kind: 'logs'; jobId: string; nodes?: number }
  | { kind: 'ce' };

export type Command = { kind: 'route'; route: Route } | { kind: 'jobs'; queue?: string } | { kind: 'quit' } | { kind: 'error'; message: string };

const ALIASES: Record<string, string> = {
  queues: 'queues',
  queue: 'queues',
  qu: 'queues',
  jq: 'queues',
  jobs: 'jobs',
  job: 'jobs',
  j: 'jobs',
  ce: 'ce',
  ces: 'ce',
  compute: 'ce',
  'compute-environments': 'ce',
  logs: 'logs',
  log: 'logs',
  describe: 'describe',
  desc: 'describe',
  d: 'describe',
  q: 'quit',
  'q!': 'quit',
  quit: 'quit',
  exit: 'quit',
};

/** Parses what follows `:` (k9s's command mode). */
export function parseCommand(text: string): Command {
  const [word = '', ...args] = text.trim().split(/\s+/);
  const name = ALIASES[word.toLowerCase()];
  switch (name) {
    case 'queues':
      return { kind: 'route', route: { kind: 'queues' } };
    case 'ce':
      return { kind: 'route', route: { kind: 'ce' } };
    case 'jobs':
      return { kind: 'jobs', queue: args[0] };
    case 'logs':
    case 'describe':
      if (!args[0]) return { kind: 'error', message: `:${word} needs a job ID` };
      return { kind: 'route', route: name === 'logs' ? { kind: 'logs', jobId: args[0] } : { kind: 'detail', jobId: args[0] } };
    case 'quit':
      return { kind: 'quit' };
    default:
      return { kind: 'error', message: word ? `unknown command :${word} (try :queues, :jobs, :ce, :logs ID, :q)` : '' };
  }
}

/** The header's title of a route. */
export function routeTitle(r: Route): string {
  switch (r.kind) {
    case 'queues':
      return 'Queues';
    case 'jobs':
      if (r.arrayJobId) return `Jobs › ${r.queue} › array ${r.arrayName ?? r.arrayJobId}`;
      if (r.multiNodeJobId) return `Jobs › ${r.queue} › nodes of ${r.arrayName ?? r.multiNodeJobId}`;
      return `Jobs › ${r.queue}`;
    case 'detail':
      return `Job › ${r.jobId}`;
    case 'logs':
      return `Logs › ${r.jobId}`;
    case 'ce':
      return 'Compute environments';
  }
}
