/**
 * An in-app link styled as an anchor. Routes come from the page registry at run time, so their params and
 * search are typed here as plain records rather than through the router's generated types.
 */

import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

export interface AppLinkProps extends AnchorProps {
  readonly to: string;
  readonly params?: Record<string, string>;
  readonly search?: Record<string, string | undefined>;
  readonly children: ReactNode;
  readonly dir?: string;
  readonly title?: string;
}

export function AppLink({ to, params, search, children, ...rest }: AppLinkProps) {
  const linkProps = { component: Link, to, ...(params ? { params } : {}), ...(search ? { search } : {}), ...rest, children };
  return <Anchor {...(linkProps as AnchorProps)} />;
}
