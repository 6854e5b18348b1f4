/**
 * The page registry: every page of the UI, one line each. The router (../router.tsx) and the navigation are
 * built from this list, so adding a page is adding a line here (and its component file).
 */

import { type AppPage, page } from './page.js';

export const PAGES: readonly AppPage[] = [
  // Screening
  page('/screen', 'Screen', () => import('./screen/screen-page.js'), { nav: 'Screening', permission: 'screen' }),
  page('/batch', 'Batch', () => import('./batch/batch-page.js'), { nav: 'Screening', permission: 'screen' }),
  page('/batch/$jobId', 'Batch job', () => import('./batch/batch-job-page.js'), { permission: 'screen' }),
  page('/reviews', 'Reviews', () => import('./reviews/reviews-page.js'), { nav: 'Screening', permission: 'reviews:read' }),
  // Lists
  page('/lists', 'Lists', () => import('./lists/lists-page.js'), { nav: 'Lists', permission: 'lists:read' }),
  page('/lists/$sourceId', 'List', () => import('./lists/list-source-page.js'), { permission: 'lists:read' }),
  page('/entities/$entityId', 'Entity', () => import('./entities/entity-page.js'), { permission: 'lists:read' }),
  // Investigations
  page('/alerts', 'Alerts', () => import('./alerts/alerts-page.js'), { nav: 'Investigations', permission: 'alerts:read' }),
  page('/cases', 'Cases', () => import('./cases/cases-page.js'), { nav: 'Investigations', permission: 'cases:read' }),
  page('/cases/$caseId', 'Case', () => import('./cases/case-page.js'), { permission: 'cases:read' }),
  page('/incidents', 'Incidents', () => import('./incidents/incidents-page.js'), { nav: 'Investigations', permission: 'incidents:read' }),
  page('/incidents/$incidentId', 'Incident', () => import('./incidents/incident-page.js'), { permission: 'incidents:read' }),
  page('/news', 'News events', () => import('./incidents/news-page.js'), { nav: 'Investigations', permission: 'incidents:read' }),
  // Administration
  page('/admin', 'Admin', () => import('./admin/admin-page.js'), { nav: 'Administration', permission: 'admin' }),
  page('/audit', 'Audit log', () => import('./audit/audit-page.js'), { nav: 'Administration', permission: 'audit:read' }),
];
