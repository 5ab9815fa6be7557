import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Built straight into the service's static files (git-ignored); the service serves them on the same origin as the API.
export const outDir = resolve(import.meta.dirname, '../service/StrongChain.Docs.Api/wwwroot');

export default defineConfig({
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        word: resolve(import.meta.dirname, 'word.html'),
        excel: resolve(import.meta.dirname, 'excel.html'),
        commands: resolve(import.meta.dirname, 'commands.html'),
        apply: resolve(import.meta.dirname, 'apply.html'),
        dashboard: resolve(import.meta.dirname, 'dashboard.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:5080', '/health': 'http://127.0.0.1:5080' } },
});
