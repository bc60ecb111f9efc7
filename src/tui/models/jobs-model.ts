/**
 * The Jobs view's data: the jobs of one queue (or the children of one array job, or the nodes of a
 * multi-node parallel job) in the states the user selected, merged across one ListJobs call per
 * state and de-duplicated (a job that moved between two calls keeps its most advanced observation).
 *
 * Details that ListJobs lacks (attempts, array progress) come from DescribeJobs on the rows ON
 * SCREEN only: the view reports them with setVisible(). Terminal jobs never change, so their
 * details are fetched once. One refresh: at most 7 ListJobs + 1 DescribeJobs. The listing is
 * `job list`'s (domain/jobs/list.ts): the newest 1000 jobs in the selected states.
 */
import type { JobDetail, JobStatus, JobSummary } from '@aws-sdk/client-batch';
import { listJobsByStatus, type StatusCounts } from '../../domain/jobs/list.js';
import { isTerminal } from '../../domain/jobs/status.js';
import { ALL_STATES, LIST_PAGE, orderedStates, type ModelEnv, type StateSet } from './env.js';
import { Poller } from './poller.js';

export interface JobRow {
  summary: JobSummary;
  /** From DescribeJobs, for rows that have been on screen. */
  detail?: JobDetail;
}

export interface JobsExtra {
  /** More jobs exist than the newest 1000 listed. */
  truncated: boolean;
  /** Jobs per state among those listed (`more` where a state had more). */
  counts: StatusCounts;
}

export interface JobsScope {
  /** The queue (name or ARN) whose jobs to list. */
  queue?: string;
  /** Or: the array job whose children to list. */
  arrayJobId?: string;
  /** Or: the multi-node parallel job whose nodes to list. */
  multiNodeJobId?: string;
}

/** The most DescribeJobs accepts in one call (spec/05 §6.2). */
const DESCRIBE_MAX = 100;
/** After a scroll, details of newly visible rows are fetched this long after the last move. */
const VISIBLE_DEBOUNCE_MS = 150;

export class JobsModel extends Poller<JobRow, JobsExtra> {
  private states: StateSet = ALL_STATES;
  private visible: string[] = [];
  private readonly details = new Map<string, JobDetail>();
  private summaries: JobSummary[] = [];
  private visibleTimer: unknown;
  private describing = false;

  constructor(
    private readonly env: ModelEnv,
    readonly scope: JobsScope,
  ) {
    super({ intervalMs: env.intervalMs, timers: env.timers }, { truncated: false, counts: {} });
  }

  setStates(states: StateSet): void {
    this.states = states;
  }

  /**
   * The job ids on screen. Details missing for any of them are fetched shortly after (one
   * DescribeJobs), so scrolling fills in attempts and array progress without waiting a refresh.
   */
  setVisible(ids: readonly string[]): void {
    if (ids.length === this.visible.length && ids.every((id, i) => id === this.visible[i])) return;
    this.visible = ids.slice(0, DESCRIBE_MAX);
    if (!this.isRunning || this.snapshot().loading) return;
    if (!this.visible.some((id) => !this.details.has(id))) return;
    if (this.visibleTimer !== undefined) this.timers.clearTimeout(this.visibleTimer);
    this.visibleTimer = this.timers.setTimeout(() => {
      this.visibleTimer = undefined;
      void this.describeVisible(true);
    }, VISIBLE_DEBOUNCE_MS);
  }

  override stop(): void {
    super.stop();
    if (this.visibleTimer !== undefined) this.timers.clearTimeout(this.visibleTimer);
    this.visibleTimer = undefined;
  }

  protected async load(): Promise<{ rows: JobRow[]; extra: JobsExtra }> {
    const { batch } = this.env.backend;
    const { arrayJobId, multiNodeJobId } = this.scope;
    const target = arrayJobId ? { arrayJobId } : multiNodeJobId ? { multiNodeJobId } : { jobQueue: this.scope.queue };
    // `job list`'s listing: one ListJobs per state in lifecycle order, merged, the newest 1000
    // (with that limit, each state stops after one page).
    const listed = await listJobsByStatus(batch, target, { statuses: orderedStates(this.states), limit: LIST_PAGE });
    this.summaries = listed.jobs;
    const ids = new Set(this.summaries.map((s) => s.jobId));
    for (const id of this.details.keys()) if (!ids.has(id)) this.details.delete(id);
    await this.describeVisible(false);
    return { rows: this.rows(), extra: { truncated: listed.truncated, counts: listed.counts } };
  }

  private rows(): JobRow[] {
    return this.summaries.map((summary) => {
      const detail = this.details.get(summary.jobId!);
      return detail ? { summary, detail } : { summary };
    });
  }

  /**
   * DescribeJobs on the visible rows that need it: never described, or described while still
   * active. `publish` is true when called outside a refresh (after a scroll).
   */
  private async describeVisible(publish: boolean): Promise<void> {
    if (this.describing) return;
    const statusOf = new Map(this.summaries.map((s) => [s.jobId!, s.status]));
    const ids = this.visible.filter((id) => {
      if (!statusOf.has(id)) return false;
      const d = this.details.get(id);
      return !d || !isTerminal(d.status as JobStatus) || d.status !== statusOf.get(id);
    });
    if (!ids.length) return;
    this.describing = true;
    try {
      const out = await this.env.backend.batch.describeJobs({ jobs: ids });
      for (const d of out.jobs ?? []) if (d.jobId) this.details.set(d.jobId, d);
    } catch (err) {
      if (!publish) throw err;
    } finally {
      this.describing = false;
    }
    if (publish) this.patch((s) => ({ ...s, rows: this.rows() }));
  }
}
