import { createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * Passerelle's palette. Shade 6 (the filled and text shade in light mode) of every colour used
 * for text or filled backgrounds keeps at least 4.5:1 contrast with white (WCAG AA).
 */
const passerelle: MantineColorsTuple = [
  '#e9f5f1',
  '#cfe9e0',
  '#a3d4c4',
  '#72bda6',
  '#48a68b',
  '#2c8c74',
  '#1b6f5d',
  '#155d4e',
  '#104a3e',
  '#0a352c',
];

const ochre: MantineColorsTuple = [
  '#fdf4e8',
  '#f8e3c7',
  '#f0c58f',
  '#e6a457',
  '#d9872c',
  '#b86d17',
  '#96520f',
  '#7c440c',
  '#633609',
  '#4a2807',
];

// Mantine's greys and reds with the text shades darkened: descriptions, placeholders and error
// messages are written in gray 5/6 and red 6.
const gray: MantineColorsTuple = [
  '#f8f9fa',
  '#f1f3f5',
  '#e9ecef',
  '#dee2e6',
  '#ced4da',
  '#6c757d',
  '#596067',
  '#495057',
  '#343a40',
  '#212529',
];

const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#e03131',
  '#c0262d',
  '#a61e24',
  '#8a181d',
  '#6e1317',
];

export const theme = createTheme({
  primaryColor: 'passerelle',
  primaryShade: 6,
  colors: { passerelle, ochre, gray, red },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '700',
    textWrap: 'balance',
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
});
