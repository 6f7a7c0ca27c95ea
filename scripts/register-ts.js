// Lets Node run the app's TypeScript directly (`node -r ./scripts/register-ts.js main.ts`), transpiled
// by swc with the options in .swcrc. No type checking here: that is `tsc --noEmit` in `npm test`, and
// skipping it keeps `cdktf synth` fast. Edits to .ts files show up on the next run, with no build step.
'use strict';
const fs = require('fs');
const path = require('path');
const { transformSync } = require('@swc/core');

const projectRoot = path.resolve(__dirname, '..');
const swcrc = path.join(projectRoot, '.swcrc');

process.setSourceMapsEnabled(true);

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { filename, configFile: swcrc, swcrc: false });
  module._compile(code, filename);
};
