import type { ThemeConfig } from 'antd';

/**
 * Colours tuned for WCAG 2.1 AA (4.5:1 for normal text): antd's default primary #1677ff gives
 * only 4.1:1 under white button text and as link colour, and its secondary text (45% black)
 * 3.4:1, placeholders and error messages even less; all are darkened here (tag colours are in
 * global.css).
 *
 * Elder mode (长者模式) raises antd's seed tokens, so every component (text, inputs, buttons,
 * tables, menus) grows together instead of patching sizes page by page.
 */
const accessibleColours = {
  colorPrimary: '#0958d9',
  colorLink: '#0958d9',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  colorError: '#cf1322',
};

export function themeFor(elderMode: boolean): ThemeConfig {
  return {
    token: elderMode
      ? { ...accessibleColours, fontSize: 18, controlHeight: 44 }
      : { ...accessibleColours, fontSize: 14, controlHeight: 32 },
  };
}
