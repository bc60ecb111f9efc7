/** How long simulated status transitions take (documented in docs/simulator.md). */
export const TIMING = {
  ceCreateFargateMs: 5_000,
  ceCreateEc2Ms: 10_000,
  ceCreateEksMs: 15_000,
  ceCreateUnmanagedMs: 5_000,
  ceUpdateMs: 5_000,
  ceInfrastructureUpdateMs: 60_000,
  ceDeleteMs: 10_000,
  queueCreateMs: 1_000,
  queueUpdateMs: 1_000,
  queueDeleteMs: 5_000,
  /** How long a DELETED CE or queue stays visible before it is gone from Describe. */
  deletedVisibleMs: 5 * 60_000,
  /** "Job definitions are permanently deleted after 180 days" (spec/07 §2.3). */
  inactiveJobDefinitionRetentionMs: 180 * 24 * 3600_000,
  /**
   * A deleted consumable resource can still be locked by jobs this long ("there may be a lag",
   * spec/03 §6; the 30 s bound AWS gives for its consumable figures).
   */
  consumableDeleteLagMs: 30_000,
  /** "A clientToken is valid for 8 hours" (UpdateConsumableResource). */
  clientTokenValidMs: 8 * 3600_000,
} as const;

/** Batch's account quotas (spec/03 §2.7). */
export const QUOTA = { computeEnvironments: 50, jobQueues: 50 } as const;
