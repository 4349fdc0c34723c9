import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Vite 8 bundles with Rolldown, whose chunking option is `output.codeSplitting.groups`
 * (Rollup's manualChunks survives there only as a deprecated function). The big, rarely-changing libraries
 * get their own chunks so a release of the app does not invalidate them in browsers' caches,
 * and ECharts is only fetched by the pages that draw a chart.
 */
const vendorChunks: { name: string; test: RegExp; priority: number }[] = [
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 50 },
  { name: 'pro-components', test: /node_modules[\\/]@ant-design[\\/]pro-/, priority: 30 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design[\\/](?!pro-)[^\\/]+|@rc-component|rc-[^\\/]+|@emotion|@ctrl|@babel[\\/]runtime|dayjs|classnames|@umijs|@chenshuai2144|@dnd-kit|react-slick|compute-scroll-into-view|copy-to-clipboard|scroll-into-view-if-needed|throttle-debounce|resize-observer-polyfill|stylis|swr|lodash|lodash-es)[\\/]/,
    priority: 40,
  },
  {
    name: 'react',
    test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack|cookie|set-cookie-parser)[\\/]/,
    priority: 60,
  },
  // The shared domain package and its validator, used by almost every page.
  { name: 'core', test: /packages[\\/]core[\\/]src[\\/]|node_modules[\\/]zod[\\/]/, priority: 20 },
];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorChunks },
      },
    },
  },
});
