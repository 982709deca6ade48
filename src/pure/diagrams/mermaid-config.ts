/**
 * How the report's diagrams look: mermaid's settings for the light and the dark drawing of each
 * diagram. The font is the CJK one installed for the build (fonts-noto-cjk), so labels are
 * measured with real Chinese glyphs; readers' system CJK fonts have the same full-width advance.
 * Security level strict: a diagram in an entry is content, so mermaid encodes tags in its labels,
 * runs no click callback and keeps only safe link addresses.
 */
export type DiagramTheme = 'light' | 'dark';

const FONT_FAMILY = "'Noto Sans CJK SC', 'PingFang SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

export const MERMAID_CONFIG: Record<DiagramTheme, Record<string, unknown>> = {
  light: {
    theme: 'base',
    fontFamily: FONT_FAMILY,
    securityLevel: 'strict',
    themeVariables: {
      fontFamily: FONT_FAMILY,
      fontSize: '15px',
      primaryColor: '#f3f2f1',
      primaryBorderColor: '#484949',
      primaryTextColor: '#0b0c0c',
      lineColor: '#484949',
      secondaryColor: '#e8f0f8',
      tertiaryColor: '#ffffff',
    },
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 480 },
  },
  dark: {
    theme: 'base',
    fontFamily: FONT_FAMILY,
    securityLevel: 'strict',
    themeVariables: {
      darkMode: true,
      fontFamily: FONT_FAMILY,
      fontSize: '15px',
      background: '#121416',
      primaryColor: '#1f2326',
      primaryBorderColor: '#c7c9ca',
      primaryTextColor: '#f3f2f1',
      lineColor: '#c7c9ca',
      secondaryColor: '#12324f',
      tertiaryColor: '#121416',
    },
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 480 },
  },
};
