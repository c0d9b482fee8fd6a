// Bundle the extension (and vscode-languageclient, @vscode/python-extension) into dist/extension.js.
import * as esbuild from "esbuild";
const production = process.argv.includes("--production");
await esbuild.build({
  entryPoints: ["src/extension.ts"],
  bundle: true,
  outfile: "dist/extension.js",
  external: ["vscode"],
  format: "cjs",
  platform: "node",
  target: "node18",
  minify: production,
  sourcemap: !production,
  logLevel: "warning",
});
console.log(`build: dist/extension.js${production ? " (production)" : ""}`);
