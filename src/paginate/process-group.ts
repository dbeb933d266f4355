/**
 * Chromium's helpers (renderer, network and storage services) live in the
 * browser's process group and can outlive the browser process by a few
 * milliseconds, flushing into the profile as they go: a profile removed in
 * that window is written again. Ending the whole group before the profile is
 * removed closes the window.
 */
import { killProcessGroup, liveGroupMembers } from './process-group.mjs';

export { endProcessGroupSync, killProcessGroup, liveGroupMembers } from './process-group.mjs';

const GROUP_EXIT_WAIT_MS = 2_000;
const POLL_MS = 10;

/**
 * Kills whatever is left of a process group and waits, briefly, until none of
 * it runs. It kills again on each look: a helper the group was forking as the
 * signal went out can miss it.
 */
export async function endProcessGroup(groupId: number | undefined): Promise<void> {
  if (!groupId || process.platform === 'win32') return;
  const deadline = Date.now() + GROUP_EXIT_WAIT_MS;
  while (killProcessGroup(groupId) && liveGroupMembers(groupId).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
