import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './vite-plugin-precompress';

/**
 * Vite 8 bundles with Rolldown, whose chunking option is `output.codeSplitting.groups`
 * (Rollup's manualChunks survives there only as a deprecated function).
 *
 * Only two groups: React (and the router and query client), which every page needs, and ECharts,
 * fetched only by the pages that draw a chart. antd, ProComponents and the core package are left
 * to Rolldown's own splitting, which puts each module in the chunk of the pages that use it: a
 * group would gather every antd component any page uses into one chunk, and the login page would
 * download all of them (docs/architecture.md, §7 "First load").
 */
const vendorChunks: { name: string; test: RegExp; priority: number }[] = [
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 50 },
  {
    name: 'react',
    test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack|cookie|set-cookie-parser)[\\/]/,
    priority: 60,
  },
];

export default defineConfig({
  plugins: [react(), precompress()],
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
