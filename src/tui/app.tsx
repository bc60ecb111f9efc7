/**
 * The dashboard: a stack of views (k9s's page stack), one model per view, the keys, and the single
 * exit site. Only the view on top polls; the others keep their last snapshot and resume (with a
 * fast first tick) when the user comes back to them.
 */
import type { JobStatus } from '@aws-sdk/client-batch';
import { Box, useApp, type Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Palette } from '../io/color.js';
import { stopEffect } from '../domain/jobs/cancel.js';
import { mnpNodeId, parseMnpNodeId } from '../domain/jobs/nodes.js';
import { JOB_STATUSES } from '../domain/jobs/status.js';
import { ceColumns, describeJob, isMultiNodeParent, quietWaitHint, JOB_SORTS, jobColumns, jobFilterText, queueColumns, queueSummary, sortJobs, STATE_SHORT, type JobSort } from './cells.js';
import { compileFilter, windowStart } from './format.js';
import { useKeys, type KeyPress } from './hooks/use-keys.js';
import { useModel, type Store } from './hooks/use-model.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import type { ApiUsage } from './models/api-meter.js';
import { CeModel, type CeRow } from './models/ce-model.js';
import { ALL_STATES, orderedStates, type ModelEnv } from './models/env.js';
import { JobDetailModel, MAX_NODES_SHOWN, type JobDetailExtra } from './models/job-detail-model.js';
import { JobsModel, type JobRow, type JobsExtra } from './models/jobs-model.js';
import { statusCountsLine } from '../render/job.js';
import { LogsModel, type LogLine, type LogsExtra } from './models/logs-model.js';
import type { Poller, Snapshot } from './models/poller.js';
import { QUEUE_SORTS, QueuesModel, sortQueues, type QueueRow, type QueueSort } from './models/queues-model.js';
import { parseCommand, routeTitle, type Route } from './routes.js';
import { Confirm, Footer, Header, type KeyHint } from './views/chrome.js';
import { helpLines, HelpView } from './views/help-view.js';
import { Lines } from './views/lines.js';
import { logsWindow, LogsView } from './views/logs-view.js';
import { Table } from './views/table.js';

export interface AppProps {
  env: ModelEnv;
  meter: Store<ApiUsage>;
  /** `sim`, or `aws:<region>` with the profile. */
  world: string;
  readonly: boolean;
  palette: Palette;
  initial?: Route;
  /** Tests fix the size; otherwise the terminal's, following resizes. */
  size?: TerminalSize;
  /** Wall clock (ages of snapshots); tests pin it. */
  wallNow?: () => number;
}

type AnyModel = Poller<unknown, unknown> & { setStates?(s: ReadonlySet<JobStatus>): void };

interface Entry {
  id: number;
  route: Route;
  model: AnyModel;
}

interface Ui {
  cursor: number;
  filter: string;
}

interface Dialog {
  title: string;
  lines: string[];
  run(): Promise<string>;
}

type Mode = { kind: 'normal' } | { kind: 'prompt'; mode: ':' | '/'; text: string; before: string } | { kind: 'help'; top: number } | { kind: 'confirm'; dialog: Dialog };

let nextId = 1;

function makeModel(route: Route, env: ModelEnv, states: ReadonlySet<JobStatus>): AnyModel {
  let m: AnyModel;
  switch (route.kind) {
    case 'queues':
      m = new QueuesModel(env) as unknown as AnyModel;
      break;
    case 'jobs':
      m = new JobsModel(env, route.arrayJobId ? { arrayJobId: route.arrayJobId } : route.multiNodeJobId ? { multiNodeJobId: route.multiNodeJobId } : { queue: route.queue }) as unknown as AnyModel;
      break;
    case 'detail':
      m = new JobDetailModel(env, route.jobId) as unknown as AnyModel;
      break;
    case 'logs':
      m = new LogsModel(env, route.jobId) as unknown as AnyModel;
      break;
    case 'ce':
      m = new CeModel(env) as unknown as AnyModel;
      break;
  }
  m.setStates?.(states);
  return m;
}

const HEADER_ROWS = 2;
const FOOTER_ROWS = 1;
const CANCEL_REASON = 'Cancelled from batchctl top';
const TERMINATE_REASON = 'Terminated from batchctl top';

export function App(props: AppProps) {
  const { env, palette: c, readonly } = props;
  const { exit } = useApp();
  const size = useTerminalSize(props.size);
  const wallNow = props.wallNow ?? Date.now;
  const [states, setStates] = useState<ReadonlySet<JobStatus>>(ALL_STATES);
  const [stack, setStack] = useState<Entry[]>(() => {
    const first: Entry[] = [{ id: nextId++, route: { kind: 'queues' }, model: makeModel({ kind: 'queues' }, env, ALL_STATES) }];
    if (props.initial && props.initial.kind !== 'queues') first.push({ id: nextId++, route: props.initial, model: makeModel(props.initial, env, ALL_STATES) });
    return first;
  });
  const [uis, setUis] = useState<Record<number, Ui>>({});
  const [mode, setModeState] = useState<Mode>({ kind: 'normal' });
  // Several keys can arrive in one read (a paste, tmux send-keys): each must see the mode the one
  // before it set, so the mode lives in a ref as well as in state.
  const modeRef = useRef<Mode>(mode);
  const setMode = (m: Mode) => {
    modeRef.current = m;
    setModeState(m);
  };
  const [queueSort, setQueueSort] = useState<QueueSort>('priority');
  const [jobSort, setJobSort] = useState<JobSort>('created');
  const [logOpts, setLogOpts] = useState({ wrap: false, timestamps: false, follow: true });
  const [logTop, setLogTop] = useState(0);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const tops = useRef(new Map<number, number>());

  const entry = stack[stack.length - 1]!;
  const route = entry.route;
  const ui: Ui = uis[entry.id] ?? { cursor: 0, filter: '' };
  const snap = useModel(entry.model as Store<Snapshot<unknown, unknown>>);
  const usage = useModel(props.meter);

  // Only the view on top polls.
  useEffect(() => {
    entry.model.start();
    return () => entry.model.stop();
  }, [entry]);
  // Every model stops when the app ends.
  useEffect(() => () => stack.forEach((e) => e.model.stop()), []); // eslint-disable-line react-hooks/exhaustive-deps

  // A message stays 5 s.
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(undefined), 5000);
    return () => clearTimeout(t);
  }, [message]);

  // The clock in the header moves even when nothing else does.
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    t.unref?.();
    return () => clearInterval(t);
  }, []);

  const now = env.worldNow();
  const bodyHeight = Math.max(1, size.rows - 1 - HEADER_ROWS - FOOTER_ROWS);
  const width = Math.max(20, size.columns);
  const filterFn = compileFilter(ui.filter);
  const stateList = orderedStates(states);

  // The current view's rows, in display order, filtered.
  const view = useMemo(() => {
    switch (route.kind) {
      case 'queues': {
        const rows = sortQueues(snap.rows as QueueRow[], queueSort).filter((r) => !filterFn || filterFn(`${r.name} ${r.queue.state} ${r.queue.status} ${r.blockedReason ?? ''}`));
        return { kind: 'queues' as const, rows };
      }
      case 'jobs': {
        const rows = sortJobs(snap.rows as JobRow[], jobSort, now).filter((r) => !filterFn || filterFn(jobFilterText(r)));
        return { kind: 'jobs' as const, rows };
      }
      case 'ce': {
        const rows = (snap.rows as CeRow[]).filter((r) => !filterFn || filterFn(`${r.name} ${r.ce.state} ${r.ce.status} ${r.ce.statusReason ?? ''}`));
        return { kind: 'ce' as const, rows };
      }
      case 'logs': {
        const rows = (snap.rows as LogLine[]).filter((l) => !filterFn || filterFn(l.message));
        return { kind: 'logs' as const, rows };
      }
      case 'detail': {
        const job = (snap.rows as import('@aws-sdk/client-batch').JobDetail[])[0];
        const extra = snap.extra as JobDetailExtra | undefined;
        const rows = job ? describeJob(job, c, now, extra).trimEnd().split('\n') : [];
        if (job) rows.splice(1, 0, ...quietWaitHint(job, c, now).map((l) => `  ${l}`));
        if (extra?.moreNodes) rows.push(c.dim(`  (the first ${MAX_NODES_SHOWN} of ${extra.moreNodes} nodes; :describe ${route.jobId}#N for another)`));
        return { kind: 'detail' as const, rows: rows.filter((l) => !filterFn || filterFn(l)) };
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snap, route, queueSort, jobSort, ui.filter, Math.floor(now / 1000)]);

  const count = view.rows.length;
  const cursor = Math.max(0, Math.min(ui.cursor, count - 1));
  const summaryRows = route.kind === 'queues' ? Math.min(8, Math.max(0, Math.floor(bodyHeight / 3))) : 0;
  const tableRows = bodyHeight - summaryRows - (route.kind === 'detail' ? 0 : 1);
  const top = windowStart(cursor, tableRows, count, tops.current.get(entry.id) ?? 0);
  tops.current.set(entry.id, top);

  // The jobs model describes what is on screen, and only that.
  const visibleIds = view.kind === 'jobs' ? view.rows.slice(top, top + tableRows).map((r) => r.summary.jobId!) : [];
  const visibleKey = visibleIds.join(',');
  useEffect(() => {
    if (entry.model instanceof JobsModel) entry.model.setVisible(visibleIds);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry, visibleKey]);

  const setUi = (patch: Partial<Ui> | ((u: Ui) => Partial<Ui>)) =>
    setUis((all) => {
      const cur = all[entry.id] ?? { cursor: 0, filter: '' };
      return { ...all, [entry.id]: { ...cur, ...(typeof patch === 'function' ? patch(cur) : patch) } };
    });
  const push = (r: Route) => {
    setStack((s) => [...s, { id: nextId++, route: r, model: makeModel(r, env, states) }]);
    if (r.kind === 'logs') {
      setLogOpts((o) => ({ ...o, follow: true }));
      setLogTop(0);
    }
  };
  const pop = () => {
    if (stack.length <= 1) return;
    setStack((s) => s.slice(0, -1));
  };
  const quit = () => {
    stack.forEach((e) => e.model.stop());
    exit();
  };
  const flash = (text: string, error = false) => setMessage({ text, error });

  const selectedQueue = view.kind === 'queues' ? view.rows[cursor] : undefined;
  const selectedJob = view.kind === 'jobs' ? view.rows[cursor] : undefined;
  /** The job a key acts on: the selected row, or the job a detail/logs view shows. */
  const actionJob = (): { jobId: string; name?: string; status?: string } | undefined => {
    if (selectedJob) return { jobId: selectedJob.summary.jobId!, name: selectedJob.summary.jobName, status: selectedJob.summary.status };
    if (route.kind === 'detail' || route.kind === 'logs') {
      const d = route.kind === 'detail' ? (snap.rows[0] as { jobName?: string; status?: string } | undefined) : (snap.extra as LogsExtra);
      return { jobId: route.jobId, name: d?.jobName, status: d?.status };
    }
    return undefined;
  };

  /** The logs of a job: a multi-node job's are its main node's (`[` `]` switch node). */
  const openLogs = (jobId: string, mnp?: { numNodes?: number; mainNode?: number }, node?: { numNodes?: number }) => {
    if (mnp) return push({ kind: 'logs', jobId: mnpNodeId(jobId, mnp.mainNode ?? 0), nodes: mnp.numNodes });
    push({ kind: 'logs', jobId, nodes: node?.numNodes });
  };
  const jobRowLogs = (j: JobRow) => {
    const id = j.summary.jobId!;
    if (isMultiNodeParent(j)) return openLogs(id, { numNodes: j.summary.nodeProperties?.numNodes ?? j.detail?.nodeProperties?.numNodes, mainNode: j.detail?.nodeProperties?.mainNode });
    openLogs(id, undefined, j.summary.nodeProperties?.nodeIndex !== undefined ? j.summary.nodeProperties : undefined);
  };

  const openJobs = (queue?: string) => {
    const q = queue ?? (route.kind === 'jobs' ? route.queue : selectedQueue?.name);
    if (!q) return flash('which queue? :jobs QUEUE', true);
    push({ kind: 'jobs', queue: q });
  };

  const askStop = (request: 'cancel' | 'terminate') => {
    const job = actionJob();
    if (!job) return;
    const effect = job.status ? stopEffect(job.status as JobStatus, request) : undefined;
    const what =
      effect === 'NO_EFFECT'
        ? c.yellow(request === 'cancel' && (job.status === 'RUNNING' || job.status === 'STARTING') ? `A ${job.status} job is not cancelled by CancelJob: use t to terminate it.` : `The job is ${job.status}: this changes nothing.`)
        : effect === 'KILL'
          ? 'Its container is stopped; the job goes FAILED and is not retried.'
          : effect === 'FAIL_WHEN_DEPENDENCIES_SETTLE'
            ? 'It is PENDING: it goes FAILED once its dependencies finish.'
            : 'It goes FAILED now.';
    const reason = request === 'cancel' ? CANCEL_REASON : TERMINATE_REASON;
    setMode({
      kind: 'confirm',
      dialog: {
        title: `${request === 'cancel' ? 'Cancel' : 'Terminate'} job ${job.name ?? ''} (${job.jobId})?`,
        lines: [
          `status ${job.status ?? '?'} · reason "${reason}"`,
          what,
          // CancelJob/TerminateJob of a node act on its whole multi-node job (docs/simulator.md).
          ...(parseMnpNodeId(job.jobId) ? [c.yellow(`${job.jobId} is a node: this acts on the whole multi-node job ${parseMnpNodeId(job.jobId)!.jobId}.`)] : []),
        ],
        run: async () => {
          const batch = env.backend.batch;
          if (request === 'cancel') await batch.cancelJob({ jobId: job.jobId, reason });
          else await batch.terminateJob({ jobId: job.jobId, reason });
          return `${request} requested for ${job.name ?? job.jobId}`;
        },
      },
    });
  };

  const askQueueState = (state: 'ENABLED' | 'DISABLED') => {
    const q = selectedQueue;
    if (!q) return;
    if (q.queue.state === state) return flash(`${q.name} is already ${state}`);
    setMode({
      kind: 'confirm',
      dialog: {
        title: `${state === 'ENABLED' ? 'Enable' : 'Disable'} job queue ${q.name}?`,
        lines: [state === 'DISABLED' ? 'A disabled queue accepts no new jobs; jobs already in it still run.' : 'The queue accepts and dispatches jobs again.'],
        run: async () => {
          await env.backend.batch.updateJobQueue({ jobQueue: q.queue.jobQueueArn ?? q.name, state });
          return `${q.name}: ${state === 'ENABLED' ? 'enable' : 'disable'} requested`;
        },
      },
    });
  };

  const toggleState = (s: JobStatus) => {
    const next = new Set(states);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    if (next.size === 0) return flash('at least one job state stays on', true);
    setStates(next);
    for (const e of stack) e.model.setStates?.(next);
    void entry.model.refreshNow();
  };

  // In the detail view the cursor is the first line shown.
  const lastCursor = route.kind === 'detail' ? Math.max(0, count - bodyHeight) : count - 1;
  const clampCursor = (to: number) => Math.max(0, Math.min(lastCursor, to));
  const move = (to: number) => setUi({ cursor: clampCursor(to) });
  // With no rows (yet: a filter just cleared, its rows not back from the model), a move is kept and
  // the render clamps it, so that Esc then ↓ in one read lands on the second row once they are.
  const moveBy = (delta: number) => setUi((u) => ({ cursor: Math.max(0, (lastCursor >= 0 ? Math.min(u.cursor, lastCursor) : u.cursor) + delta) }));

  // Keys are handled one per render: a key that arrives with others in one read (Esc then a
  // letter, a paste, tmux send-keys) sees what the key before it did (the cursor it moved, the view
  // it opened, the filter it restored).
  const queued = useRef<KeyPress[]>([]);
  const [keyTurn, setKeyTurn] = useState(0);
  const handleNext = () => {
    const k = queued.current.shift();
    if (k) handleKey(k.input, k.key);
    if (queued.current.length) setKeyTurn((n) => n + 1);
  };
  useKeys((keys) => {
    const idle = queued.current.length === 0;
    queued.current.push(...keys);
    if (idle) handleNext();
  });
  useEffect(() => {
    if (keyTurn) handleNext();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyTurn]);

  function handleKey(input: string, key: Key): void {
    const mode = modeRef.current;
    if (key.ctrl && input === 'c') return quit();
    if (mode.kind === 'help') {
      // The help scrolls when it is taller than the screen; any other key closes it.
      const max = Math.max(0, helpLines(readonly, c).length - bodyHeight);
      const step = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -bodyHeight : key.pageDown ? bodyHeight : 0;
      if (step) return setMode({ kind: 'help', top: Math.max(0, Math.min(max, mode.top + step)) });
      return setMode({ kind: 'normal' });
    }
    if (mode.kind === 'confirm') {
      if (input === 'y' || input === 'Y') {
        setMode({ kind: 'normal' });
        mode.dialog
          .run()
          .then((text) => {
            flash(text);
            void entry.model.refreshNow();
          })
          .catch((err: Error) => flash(`${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message}`, true));
      } else if (input === 'n' || input === 'N' || key.escape || key.return || input === 'q') {
        setMode({ kind: 'normal' });
        flash('nothing changed');
      }
      return;
    }
    if (mode.kind === 'prompt') {
      if (key.escape) {
        if (mode.mode === '/') setUi({ filter: mode.before });
        return setMode({ kind: 'normal' });
      }
      if (key.return) {
        setMode({ kind: 'normal' });
        if (mode.mode === '/') return setUi({ filter: mode.text, cursor: 0 });
        const cmd = parseCommand(mode.text);
        if (cmd.kind === 'quit') return quit();
        if (cmd.kind === 'error') return cmd.message ? flash(cmd.message, true) : undefined;
        if (cmd.kind === 'jobs') return openJobs(cmd.queue);
        if (cmd.route.kind === 'queues') {
          setStack((s) => s.slice(0, 1));
          return;
        }
        return push(cmd.route);
      }
      let text = mode.text;
      if (key.backspace || key.delete) text = text.slice(0, -1);
      else if (input && !key.ctrl && !key.meta) text += input;
      if (mode.mode === '/') setUi({ filter: text, cursor: 0 });
      return setMode({ ...mode, text });
    }

    // Normal mode.
    if (input === '?') return setMode({ kind: 'help', top: 0 });
    if (input === 'q') return quit();
    if (input === ':') return setMode({ kind: 'prompt', mode: ':', text: '', before: '' });
    if (input === '/') return setMode({ kind: 'prompt', mode: '/', text: ui.filter, before: ui.filter });
    if (key.escape) {
      if (ui.filter) return setUi({ filter: '', cursor: 0 });
      return pop();
    }
    if (input === 'r') {
      void entry.model.refreshNow();
      return flash('refreshing');
    }

    if (route.kind === 'logs') {
      const win = logsWindow(view.rows as LogLine[], logOpts, logTop, width, bodyHeight - 1, c);
      const page = Math.max(1, bodyHeight - 2);
      const scrollTo = (t: number) => {
        setLogOpts((o) => ({ ...o, follow: false }));
        setLogTop(Math.max(0, Math.min(t, Math.max(0, count - 1))));
      };
      if (input === 's' || input === ' ') {
        if (logOpts.follow) scrollTo(win.first);
        else setLogOpts((o) => ({ ...o, follow: true }));
        return;
      }
      if (input === 'w') return setLogOpts((o) => ({ ...o, wrap: !o.wrap }));
      if (input === 't') return setLogOpts((o) => ({ ...o, timestamps: !o.timestamps }));
      if (input === 'g' || key.home) return scrollTo(0);
      if (input === 'G' || key.end) return setLogOpts((o) => ({ ...o, follow: true }));
      if (key.upArrow || input === 'k') return scrollTo(win.first - 1);
      if (key.downArrow || input === 'j') {
        if (!logOpts.follow && win.end >= count) return setLogOpts((o) => ({ ...o, follow: true }));
        return logOpts.follow ? undefined : scrollTo(win.first + 1);
      }
      if (key.pageUp) return scrollTo(win.first - page);
      if (key.pageDown) return win.end >= count ? setLogOpts((o) => ({ ...o, follow: true })) : scrollTo(win.first + page);
      if (input === 'd') return push({ kind: 'detail', jobId: route.jobId });
      if ((input === '[' || input === ']') && route.nodes) {
        const node = parseMnpNodeId(route.jobId);
        if (!node) return;
        const n = (node.node + (input === ']' ? 1 : -1) + route.nodes) % route.nodes;
        const next: Route = { ...route, jobId: mnpNodeId(node.jobId, n) };
        // The log of another node replaces this one (esc still goes back to where it was opened).
        setStack((s) => [...s.slice(0, -1), { id: nextId++, route: next, model: makeModel(next, env, states) }]);
        setLogOpts((o) => ({ ...o, follow: true }));
        setLogTop(0);
        return;
      }
      if (input === 'c' && !readonly) return askStop('cancel');
      return;
    }

    const page = Math.max(1, tableRows - 1);
    if (key.upArrow || input === 'k') return moveBy(-1);
    if (key.downArrow || input === 'j') return moveBy(1);
    if (key.pageUp) return moveBy(-page);
    if (key.pageDown) return moveBy(page);
    if (input === 'g' || key.home) return move(0);
    if (input === 'G' || key.end) return move(count - 1);

    if (/^[1-7]$/.test(input) && (route.kind === 'queues' || route.kind === 'jobs')) return toggleState(JOB_STATUSES[Number(input) - 1]!);
    if (input === 's') {
      if (route.kind === 'queues') return setQueueSort(QUEUE_SORTS[(QUEUE_SORTS.indexOf(queueSort) + 1) % QUEUE_SORTS.length]!);
      if (route.kind === 'jobs') return setJobSort(JOB_SORTS[(JOB_SORTS.indexOf(jobSort) + 1) % JOB_SORTS.length]!);
      return;
    }

    if (route.kind === 'queues') {
      if (key.return && selectedQueue) return openJobs(selectedQueue.name);
      if (!readonly && input === 'e') return askQueueState('ENABLED');
      if (!readonly && input === 'x') return askQueueState('DISABLED');
      return;
    }
    if (route.kind === 'jobs') {
      const j = selectedJob;
      if (!j) return;
      const id = j.summary.jobId!;
      if (key.return) {
        if (j.summary.arrayProperties?.size !== undefined && j.summary.arrayProperties.index === undefined) {
          return push({ kind: 'jobs', queue: route.queue, arrayJobId: id, arrayName: j.summary.jobName });
        }
        if (isMultiNodeParent(j)) return push({ kind: 'jobs', queue: route.queue, multiNodeJobId: id, arrayName: j.summary.jobName });
        return push({ kind: 'detail', jobId: id });
      }
      if (input === 'd') return push({ kind: 'detail', jobId: id });
      if (input === 'l') return jobRowLogs(j);
      if (!readonly && input === 'c') return askStop('cancel');
      if (!readonly && input === 't') return askStop('terminate');
      return;
    }
    if (route.kind === 'detail') {
      if (input === 'l') {
        const d = snap.rows[0] as import('@aws-sdk/client-batch').JobDetail | undefined;
        if (d?.nodeProperties && !d.nodeDetails) return openLogs(route.jobId, d.nodeProperties);
        return openLogs(route.jobId);
      }
      if (!readonly && input === 'c') return askStop('cancel');
      if (!readonly && input === 't') return askStop('terminate');
    }
  }

  // Keys of this view (mutating ones hidden in read-only mode).
  const keys: KeyHint[] = [];
  const mut = (k: KeyHint) => {
    if (!readonly) keys.push(k);
  };
  switch (route.kind) {
    case 'queues':
      keys.push({ key: 'enter', label: 'jobs' }, { key: '1-7', label: 'states' }, { key: 's', label: `sort:${queueSort}` });
      mut({ key: 'e', label: 'enable' });
      mut({ key: 'x', label: 'disable' });
      keys.push({ key: ':ce', label: 'compute envs' });
      break;
    case 'jobs':
      keys.push({ key: 'enter', label: 'open' }, { key: 'l', label: 'logs' }, { key: 'd', label: 'describe' }, { key: '1-7', label: 'states' }, { key: 's', label: `sort:${jobSort}` });
      mut({ key: 'c', label: 'cancel' });
      mut({ key: 't', label: 'terminate' });
      keys.push({ key: 'esc', label: 'back' });
      break;
    case 'detail':
      keys.push({ key: 'l', label: 'logs' }, { key: '↑↓', label: 'scroll' });
      mut({ key: 'c', label: 'cancel' });
      mut({ key: 't', label: 'terminate' });
      keys.push({ key: 'esc', label: 'back' });
      break;
    case 'logs':
      keys.push({ key: 's', label: logOpts.follow ? 'pause' : 'follow' });
      if (route.nodes) keys.push({ key: '[ ]', label: 'node' });
      keys.push({ key: 'w', label: 'wrap' }, { key: 't', label: 'timestamps' }, { key: 'g/G', label: 'top/end' }, { key: 'd', label: 'describe' });
      mut({ key: 'c', label: 'cancel' });
      keys.push({ key: 'esc', label: 'back' });
      break;
    case 'ce':
      keys.push({ key: '↑↓', label: 'move' }, { key: ':queues', label: 'queues' }, { key: 'esc', label: 'back' });
      break;
  }
  keys.push({ key: '/', label: 'filter' }, { key: ':', label: 'command' }, { key: 'r', label: 'refresh' }, { key: '?', label: 'help' }, { key: 'q', label: 'quit' });

  const details: string[] = [];
  if (route.kind === 'queues' || route.kind === 'jobs') details.push(c.dim(`states ${stateList.length === 7 ? 'all' : stateList.map((s) => STATE_SHORT[s]).join(',')}`));
  if (route.kind === 'jobs') {
    const extra = snap.extra as JobsExtra | undefined;
    details.push(extra && Object.keys(extra.counts).length ? statusCountsLine(extra.counts, c) : c.dim(`${count} jobs`));
    if (extra?.truncated) details.push(c.yellow('(the newest 1000)'));
    if (ui.filter) details.push(c.dim(`${count} shown`));
  }
  if (ui.filter) details.push(c.cyan(`/${ui.filter}`));

  let body: React.ReactNode;
  if (mode.kind === 'help') body = <HelpView readonly={readonly} height={bodyHeight} palette={c} top={mode.top} />;
  else if (view.kind === 'queues') {
    const sel = view.rows[cursor];
    body = (
      <Box flexDirection="column" height={bodyHeight}>
        {/* The selected queue's summary sits right under the table (not at the bottom of a tall screen). */}
        <Table columns={queueColumns(stateList)} rows={view.rows} cursor={cursor} top={top} width={width} height={Math.min(bodyHeight - summaryRows, Math.max(2, count + 1))} palette={c} empty={snap.loading ? 'loading…' : 'no job queues (batchctl queue create, or batchctl demo)'} />
        <Lines lines={sel && summaryRows > 1 ? [c.dim('─'.repeat(Math.min(width, 60))), ...queueSummary(sel, c, now, summaryRows - 3)] : []} height={summaryRows} />
      </Box>
    );
  } else if (view.kind === 'jobs') {
    body = <Table columns={jobColumns(now)} rows={view.rows} cursor={cursor} top={top} width={width} height={bodyHeight} palette={c} empty={snap.loading ? 'loading…' : ui.filter ? 'no job matches the filter' : 'no jobs in these states'} />;
  } else if (view.kind === 'ce') {
    body = <Table columns={ceColumns()} rows={view.rows} cursor={cursor} top={top} width={width} height={bodyHeight} palette={c} empty={snap.loading ? 'loading…' : 'no compute environments'} />;
  } else if (view.kind === 'detail') {
    const start = Math.max(0, Math.min(cursor, Math.max(0, count - bodyHeight)));
    body = <Lines lines={view.rows.length ? view.rows.slice(start, start + bodyHeight) : [c.dim(snap.loading ? 'loading…' : 'no details')]} height={bodyHeight} />;
  } else {
    body = <LogsView lines={view.rows} extra={snap.extra as LogsExtra} options={logOpts} top={logTop} width={width} height={bodyHeight} palette={c} filtered={Boolean(filterFn)} />;
  }

  return (
    <Box flexDirection="column" height={size.rows - 1} width={size.columns}>
      <Header
        world={props.world}
        intervalMs={env.intervalMs}
        usage={usage}
        now={now}
        speed={env.worldSpeed?.()}
        title={routeTitle(route)}
        detail={details.join('  ')}
        error={snap.error}
        loadedAt={snap.loadedAt}
        stale={snap.stale}
        loading={snap.loading}
        wallNow={wallNow()}
        readonly={readonly}
        palette={c}
      />
      {mode.kind === 'confirm' ? (
        <Box height={bodyHeight} flexDirection="column" justifyContent="center" alignItems="center">
          <Confirm title={mode.dialog.title} lines={mode.dialog.lines} palette={c} width={width} />
        </Box>
      ) : (
        body
      )}
      <Footer keys={keys} prompt={mode.kind === 'prompt' ? { mode: mode.mode, text: mode.text } : undefined} message={message} palette={c} width={width} />
    </Box>
  );
}
