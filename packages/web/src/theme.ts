import { createTheme } from '@mantine/core';

/** The Mantine theme: indigo for action (7 on white passes WCAG AA), focus rings for keyboards. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});
