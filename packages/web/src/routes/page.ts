/** The page registry's vocabulary: one AppPage per route; the router and the navigation are derived from the list. */

import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { Permission } from '../api/types.js';

/** Navigation sections, in display order. */
export const NAV_SECTIONS = ['Screening', 'Lists', 'Investigations', 'Administration'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export interface AppPage {
  /** TanStack Router path: `/screen`, `/entities/$entityId`. */
  readonly path: string;
  /** Document title and navigation label. */
  readonly title: string;
  /** Listed in this navigation section; absent for pages reached only by links (details). */
  readonly nav?: NavSection;
  /** Without it the page is hidden from the navigation and shows "not permitted"; the server checks again. */
  readonly permission?: Permission;
  readonly component: LazyExoticComponent<ComponentType> | ComponentType;
}

/**
 * One page, loaded on first visit (a chunk per page keeps the first load small).
 *
 * @example page('/alerts', 'Alerts', () => import('./alerts/alerts-page.js'), { nav: 'Investigations', permission: 'alerts:read' })
 */
export function page(
  path: string,
  title: string,
  load: () => Promise<{ default: ComponentType }>,
  options: { nav?: NavSection; permission?: Permission } = {},
): AppPage {
  return { path, title, component: lazy(load), ...options };
}
