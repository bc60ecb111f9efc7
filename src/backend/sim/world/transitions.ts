/** The world's timed state changes, by resource kind (the engine's ResourceTransitions runs them). */
import type * as E from '@aws-sdk/client-ec2';
import type { SimCtx } from '../context.js';
import type { TransitionHandler } from '../engine/index.js';
import type { ResourceRow } from '../store/resources.js';
import { advanceEksCluster } from './eks.js';
import { KIND } from './kinds.js';
import { blackholeRoutes, EP } from './network.js';
import { WORLD_TIMING } from './timings.js';

/** pending -> available; deleting -> deleted (routes to it turn blackhole), visible for an hour, then gone. */
function advanceNatGateway(ctx: SimCtx, row: ResourceRow<E.NatGateway>): void {
  const n = row.body;
  if (n.State === 'pending') {
    n.State = 'available';
    for (const a of n.NatGatewayAddresses ?? []) a.Status = 'succeeded';
    row.nextEventAt = null;
  } else if (n.State === 'deleting') {
    n.State = 'deleted';
    n.DeleteTime = ctx.now as unknown as Date;
    for (const a of n.NatGatewayAddresses ?? []) a.Status = 'succeeded';
    blackholeRoutes(ctx, row.id);
    row.nextEventAt = ctx.now + WORLD_TIMING.natDeletedVisibleMs;
  } else if (n.State === 'deleted') {
    ctx.resources.delete(row.seq);
    return;
  } else {
    row.nextEventAt = null;
  }
  row.status = n.State!;
  ctx.resources.update(row);
}

/** pending -> available; deleting -> gone. */
function advanceVpcEndpoint(ctx: SimCtx, row: ResourceRow<E.VpcEndpoint>): void {
  if (row.body.State === EP.deleting) {
    ctx.resources.delete(row.seq);
    return;
  }
  if (row.body.State === EP.pending) row.body.State = EP.available;
  row.status = row.body.State!;
  row.nextEventAt = null;
  ctx.resources.update(row);
}

export const WORLD_TRANSITIONS: Record<string, TransitionHandler> = {
  [KIND.natGateway]: advanceNatGateway as TransitionHandler,
  [KIND.vpcEndpoint]: advanceVpcEndpoint as TransitionHandler,
  [KIND.eksCluster]: advanceEksCluster as TransitionHandler,
};
