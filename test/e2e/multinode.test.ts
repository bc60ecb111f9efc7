/**
 * A multi-node parallel job end to end through the built CLI: register a multinode definition,
 * submit it to an EC2 queue, run the simulator until idle, then describe the job and a node, list
 * the nodes and read a node's logs (each node has its own stream). The EC2 queue comes from the
 * `oversized-job` scenario, whose blocking job is cancelled first.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const box = sandbox({ BATCHCTL_SIM_SPEED: undefined });
afterAll(() => box.cleanup());

const DEFINITION = `jobDefinitionName: e2e-mnp
type: multinode
nodeProperties:
  numNodes: 3
  mainNode: 0
  nodeRangeProperties:
    - targetNodes: "0:"
      container:
        image: busybox
        command: ["sh", "-c", "echo worker $AWS_BATCH_JOB_NODE_INDEX of $AWS_BATCH_JOB_NUM_NODES main at $AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS; sleep 600"]
        resourceRequirements: [{type: VCPU, value: "1"}, {type: MEMORY, value: "1024"}]
    - targetNodes: "0:0"
      container:
        image: busybox
        command: ["sh", "-c", "echo main node $AWS_BATCH_JOB_NODE_INDEX; sleep 45; echo main done"]
        resourceRequirements: [{type: VCPU, value: "1"}, {type: MEMORY, value: "1024"}]
`;

describe('multi-node parallel job: submit -> run -> describe -> list nodes -> logs of a node', () => {
  let id = '';

  beforeAll(async () => {
    const scn = await box.run(['sim', 'scenario', 'apply', 'oversized-job', '-o', 'json']);
    expect(scn.code, scn.stderr).toBe(0);
    const blocker = (JSON.parse(scn.stdout) as { jobIds: string[] }).jobIds[0]!;
    const c = await box.run(['job', 'cancel', blocker, '--reason', 'make room', '--yes']);
    expect(c.code, c.stderr).toBe(0);
    const file = join(box.dir, 'mnp.yaml');
    writeFileSync(file, DEFINITION);
    const r = await box.run(['jobdef', 'register', '--input', file, '--yes']);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it('submits and runs it to SUCCEEDED', async () => {
    const s = await box.run(['job', 'submit', '--queue', 'scn-oversized-queue', '--definition', 'e2e-mnp', '--name', 'mnp', '--yes']);
    expect(s.code, s.stderr).toBe(0);
    id = s.stdout.trim();
    const run = await box.run(['sim', 'run', '--until-idle', '-o', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const d = await box.run(['job', 'describe', id, '-o', 'json']);
    const job = JSON.parse(d.stdout).jobs[0];
    expect(job).toMatchObject({ jobId: id, status: 'SUCCEEDED', nodeProperties: { numNodes: 3, mainNode: 0 } });
    expect(job.attempts).toHaveLength(1);
  }, 60_000);

  it('describe shows the nodes; a node is described as ID#N', async () => {
    const d = await box.run(['job', 'describe', id]);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain('multi-node (3 nodes, main node 0)');
    expect(d.stdout).toMatch(/#0\s+SUCCEEDED · main · exit 0/);
    expect(d.stdout).toMatch(/#2\s+SUCCEEDED · Stopped: the main node exited/);
    const n = await box.run(['job', 'describe', `${id}#1`, '-o', 'json']);
    expect(n.code, n.stderr).toBe(0);
    expect(JSON.parse(n.stdout).jobs[0]).toMatchObject({ jobId: `${id}#1`, nodeDetails: { nodeIndex: 1, isMainNode: false } });
  }, 30_000);

  it('job list --multi-node-job lists the nodes', async () => {
    const l = await box.run(['job', 'list', '--multi-node-job', id, '-o', 'json']);
    expect(l.code, l.stderr).toBe(0);
    expect(JSON.parse(l.stdout).jobSummaryList.map((j: { jobId: string }) => j.jobId).sort()).toEqual([0, 1, 2].map((n) => `${id}#${n}`));
    const both = await box.run(['job', 'list', '--multi-node-job', id, '--queue', 'scn-oversized-queue']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give one of --queue, --array-parent or --multi-node-job');
  }, 30_000);

  it('logs ID#N reads that node\'s stream; logs ID reads every node, labelled', async () => {
    const one = await box.run(['logs', `${id}#2`]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^worker 2 of 3 main at 10\.0\.\d+\.\d+\n$/);
    const main = await box.run(['logs', id, '--node', '0']);
    expect(main.stdout).toBe('main node 0\nmain done\n');
    const all = await box.run(['logs', id]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('#0 main node 0\n');
    expect(all.stdout).toMatch(/#1 worker 1 of 3 main at 10\./);
  }, 30_000);
});
