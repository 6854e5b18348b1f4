/** `/`: the first page of the navigation this session may open (Screen for most roles, Lists for auditors). */

import { Navigate } from '@tanstack/react-router';
import { useSession } from '../../queries/auth/use-session.js';
import { PAGES } from '../../routes/index.js';
import { NAV_SECTIONS } from '../../routes/page.js';
import { EmptyState } from '../common/states.js';

export function HomeRedirect() {
  const { data } = useSession();
  const first = NAV_SECTIONS.flatMap((s) => PAGES.filter((p) => p.nav === s)).find(
    (p) => p.permission === undefined || data?.permissions.includes(p.permission),
  );
  if (!first) return <EmptyState title="Nothing to show">Your role grants no page of this interface.</EmptyState>;
  return <Navigate to={first.path} replace />;
}
