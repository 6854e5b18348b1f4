/** Severity, SLA ageing and status badges of alerts, and a compact duration ("2 d 4 h"). */

import { Badge, Tooltip } from '@mantine/core';
import type { AlertStatus, Severity } from '../../queries/cases/types.js';

const SEVERITY_COLOR: Record<Severity, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };
const STATUS_COLOR: Record<AlertStatus, string> = { new: 'blue', assigned: 'indigo', dismissed: 'gray', escalated: 'grape' };

export function hours(h: number): string {
  const a = Math.abs(h);
  if (a < 1) return `${Math.round(a * 60)} min`;
  if (a < 48) return `${Math.floor(a)} h`;
  const d = Math.floor(a / 24);
  const r = Math.floor(a - d * 24);
  return r ? `${d} d ${r} h` : `${d} d`;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge color={SEVERITY_COLOR[severity]} size="sm" variant={severity === 'critical' ? 'filled' : 'light'}>
      {severity}
    </Badge>
  );
}

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} size="sm" variant="outline">
      {status}
    </Badge>
  );
}

/** Overdue (red), under a quarter of the SLA left (orange), else the time left. */
export function SlaBadge({ remaining, slaHours }: { remaining: number; slaHours: number }) {
  const overdue = remaining < 0;
  const color = overdue ? 'red' : remaining < slaHours / 4 ? 'orange' : 'teal';
  const text = overdue ? `overdue ${hours(remaining)}` : `${hours(remaining)} left`;
  return (
    <Tooltip label={`SLA ${slaHours} h from detection`} withArrow>
      <Badge color={color} size="sm" variant={overdue ? 'filled' : 'light'}>
        {text}
      </Badge>
    </Tooltip>
  );
}
