/** Every command of the CLI, one file each. A new command adds its registrar here. */
import type { CommandRegistrar } from '../program.js';
import { registerEntity } from './entity.js';
import { registerLists } from './lists.js';
import { registerIncidents } from './incidents.js';
import { registerNews } from './news.js';
import { registerScreen } from './screen.js';
import { registerCompare } from './compare.js';
import { registerCase } from './case.js';
import { registerAudit } from './audit.js';
import { registerMonitor } from './monitor.js';
import { registerAlerts } from './alerts.js';

export const COMMANDS: readonly CommandRegistrar[] = [
  registerLists,
  registerEntity,
  registerIncidents,
  registerNews,
  registerScreen,
  registerCompare,
  registerCase,
  registerAudit,
  registerMonitor,
  registerAlerts,
];
