/** Live (not zombie) processes of a process group, read from /proc; empty where there is no /proc. */
export declare function liveGroupMembers(groupId: number): number[];
/** SIGKILLs a whole process group at once, synchronously; false when there was nothing left to kill. */
export declare function killProcessGroup(groupId: number | undefined): boolean;
/** Kills a group and waits, synchronously and briefly (≤ timeoutMs), until none of it runs. */
export declare function endProcessGroupSync(groupId: number | undefined, timeoutMs?: number): void;
