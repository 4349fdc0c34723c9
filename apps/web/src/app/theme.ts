import type { ThemeConfig } from 'antd';

/**
 * Elder mode (长者模式) raises antd's seed tokens, so every component (text, inputs, buttons,
 * tables, menus) grows together instead of patching sizes page by page.
 */
export function themeFor(elderMode: boolean): ThemeConfig {
  return {
    token: elderMode
      ? { fontSize: 18, controlHeight: 44 }
      : { fontSize: 14, controlHeight: 32 },
  };
}
