/** Every command of the CLI, one file each. A new command adds its registrar here. */
import type { CommandRegistrar } from '../program.js';

export const COMMANDS: readonly CommandRegistrar[] = [];
