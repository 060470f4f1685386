import { defineConfig } from 'rolldown';

// One ESM file for start-up, with each lazily imported command and renderer in a chunk of its
// own, so that a run loads only what it uses. Output sits at the same depth as dist/cli/, so
// the paths main.ts and load-rule-set.ts work out from import.meta.url hold for both.
export default defineConfig({
  input: { jtai: 'src/cli/main.ts' },
  platform: 'node',
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    minify: true,
  },
});
