import { defineConfig } from "vitest/config";

// `npm run dev` and `vite preview` proxy the API and the room socket to a running server (PARLEY_SERVER).
const server = process.env.PARLEY_SERVER ?? "http://localhost:8080";
const proxy = {
  "/api": server,
  "/demo-idp": server,
  "/ws": { target: server.replace(/^http/, "ws"), ws: true },
};

// Preact through esbuild's automatic JSX runtime: no framework plugin needed.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // One small bundle; no module-preload polyfill (it would inline a script).
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // pdf.js's worker ships as .mjs; served as .js it has a JavaScript type on any server (nosniff is on).
        assetFileNames: (asset) =>
          asset.names?.some((name) => name.endsWith(".mjs")) ? "assets/[name]-[hash].js" : "assets/[name]-[hash][extname]",
      },
    },
  },
  server: { proxy },
  preview: { port: 4173, strictPort: true, proxy },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
