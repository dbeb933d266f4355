import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { endProcessGroup, endProcessGroupSync, liveGroupMembers } from '../../../src/paginate/process-group.ts';

describe('endProcessGroup', () => {
  it('kills every process of a detached group, the leader and a child that outlives it', async () => {
    // A leader that starts a grandchild in its own group and exits at once, as a browser leaves its helpers.
    const leader = spawn('sh', ['-c', 'sleep 30 & sleep 30'], { detached: true, stdio: 'ignore' });
    const group = leader.pid!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(liveGroupMembers(group).length).toBeGreaterThanOrEqual(2);
    await endProcessGroup(group);
    expect(liveGroupMembers(group)).toEqual([]);
  });

  it('returns at once for a group that no longer exists, or no pid', async () => {
    const started = Date.now();
    await endProcessGroup(2 ** 22 - 3);
    await endProcessGroup(undefined);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('endProcessGroupSync', () => {
  it('kills a group that keeps forking, again and again until none of it runs, without yielding', () => {
    // A leader that forks a new child every few milliseconds: a single kill may miss one being born.
    const leader = spawn('sh', ['-c', 'while :; do sleep 30 & done'], { detached: true, stdio: 'ignore' });
    const group = leader.pid!;
    const until = Date.now() + 150;
    while (Date.now() < until && liveGroupMembers(group).length < 5);
    expect(liveGroupMembers(group).length).toBeGreaterThanOrEqual(2);
    endProcessGroupSync(group);
    expect(liveGroupMembers(group)).toEqual([]);
  });
});
