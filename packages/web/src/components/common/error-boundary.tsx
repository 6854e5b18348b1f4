/** Catches a page's render errors so one broken page never blanks the shell. */

import { Box } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { ErrorState } from './states.js';

interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Box p="lg">
        <ErrorState title="This page failed" error={this.state.error} onRetry={() => this.setState({ error: undefined })} />
      </Box>
    );
  }
}
