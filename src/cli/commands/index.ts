import * as all from './list.js';
import type { CommandModule } from './types.js';

/** Every command, in the order help and docs/cli.md show them (each module's `rank`). */
export const COMMANDS: readonly CommandModule<any>[] = Object.values(all).sort((a, b) => a.rank - b.rank);
