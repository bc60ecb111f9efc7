/** Prints log lines to stdout with a colour per source, and job status lines to stderr. */
import type { JobDetail, LogConfiguration } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { ColourPicker, colourKey, formatLine, type LineStyle, type LogLine } from '../../domain/logs/format.js';

export class LinePrinter {
  private readonly colours = new ColourPicker();
  constructor(
    private readonly ctx: Context,
    readonly style: LineStyle,
  ) {}

  print(line: LogLine): void {
    const c = this.ctx.io.color();
    const colour = this.colours.pick(colourKey(line.source));
    this.ctx.io.out(formatLine(line, this.style, { label: (s) => c[colour](s), dim: c.dim }));
  }
}

/** One stderr line about a job's state: `RUNNABLE  job 1a2b3c4d (name): reason`. */
export function statusLine(ctx: Context, job: JobDetail): string {
  const c = ctx.io.color();
  const status = job.status ?? 'UNKNOWN';
  const painted = status === 'SUCCEEDED' ? c.green(status) : status === 'FAILED' ? c.red(status) : c.yellow(status);
  const exit = job.container?.exitCode !== undefined ? ` (exit code ${job.container.exitCode})` : '';
  const reason = job.statusReason ? `: ${job.statusReason}` : '';
  return `${painted} ${c.dim(`job ${job.jobId}${job.jobName ? ` (${job.jobName})` : ''}`)}${reason}${exit}\n`;
}

/** The logConfiguration of job definitions, read once per ARN (for jobs whose detail lacks one). */
export class DefinitionLogConfigs {
  private readonly cache = new Map<string, Promise<LogConfiguration | undefined>>();
  constructor(private readonly backend: Backend) {}

  get(job: JobDetail): Promise<LogConfiguration | undefined> {
    if (job.container?.logConfiguration || !job.jobDefinition || job.ecsProperties) return Promise.resolve(undefined);
    const arn = job.jobDefinition;
    let p = this.cache.get(arn);
    if (!p) {
      p = this.backend.batch
        .describeJobDefinitions({ jobDefinitions: [arn] })
        .then((r) => r.jobDefinitions?.[0]?.containerProperties?.logConfiguration)
        .catch(() => undefined);
      this.cache.set(arn, p);
    }
    return p;
  }
}
