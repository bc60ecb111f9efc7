/** How long the simulated network and EKS objects take to change state (docs/simulator.md "Shaping the world"). */
export const WORLD_TIMING = {
  /** NAT gateway pending -> available (AWS: one to a few minutes). */
  natCreateMs: 90_000,
  /** NAT gateway deleting -> deleted. */
  natDeleteMs: 60_000,
  /** How long a deleted NAT gateway stays visible to DescribeNatGateways (AWS: about an hour). */
  natDeletedVisibleMs: 3_600_000,
  /** Interface VPC endpoint pending -> available (Gateway endpoints are available at once). */
  endpointCreateMs: 60_000,
  /** VPC endpoint deleting -> gone. */
  endpointDeleteMs: 30_000,
  /** EKS cluster CREATING -> ACTIVE (AWS: about 10 minutes). */
  eksCreateMs: 10 * 60_000,
  /** EKS cluster DELETING -> gone. */
  eksDeleteMs: 5 * 60_000,
} as const;
