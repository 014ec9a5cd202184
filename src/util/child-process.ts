import type * as ChildProcess from 'node:child_process';

/**
 * child_process, loaded when first used: it and what it pulls in (net, dgram, streams) cost every
 * start of the CLI a millisecond or two, and most runs never start a process.
 */
export const childProcess = (): typeof ChildProcess => process.getBuiltinModule('node:child_process');
