/** The Mantine theme: dense, calm, legible — an analyst's tool, not a landing page. */

import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A muted blue-slate: enough contrast for focus and selection, never shouting.
const argus: MantineColorsTuple = [
  '#eef3fb',
  '#dce4f2',
  '#b5c6e4',
  '#8ba6d6',
  '#688bca',
  '#527ac3',
  '#4571c1',
  '#365faa',
  '#2d5499',
  '#1f4888',
];

export const theme = createTheme({
  primaryColor: 'argus',
  colors: { argus },
  primaryShade: 7,
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans Arabic", sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  fontSizes: { xs: '11px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  headings: {
    fontWeight: '600',
    sizes: { h1: { fontSize: '20px' }, h2: { fontSize: '16px' }, h3: { fontSize: '14px' }, h4: { fontSize: '13px' } },
  },
  spacing: { xs: '6px', sm: '10px', md: '14px', lg: '20px', xl: '28px' },
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    // A badge's label clips with an ellipsis, so in a crowded table cell it shrank to "M…": its text is its minimum.
    Badge: { defaultProps: { radius: 'sm', variant: 'light' }, styles: { root: { minWidth: 'max-content' } } },
    Paper: { defaultProps: { withBorder: true, radius: 'sm' } },
  },
});
