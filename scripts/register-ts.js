// Lets Node run the app's TypeScript directly (`node -r ./scripts/register-ts.js main.ts`), transpiled
// by swc with the options in .swcrc. No type checking here: that is `tsc --noEmit` in `npm test`, and
// skipping it keeps `cdktf synth` fast.
//
// Transpiled files are cached under node_modules/.cache, keyed by a hash of the source, the swc version
// and .swcrc: an edited .ts file has a new key, so edits show up on the next run with no build step, and
// unchanged files skip swc entirely (its native module is only loaded on a cache miss). Source maps are
// inline; run with NODE_OPTIONS=--enable-source-maps to see .ts lines in a stack trace (it costs ~30 ms,
// as every cdktf module carries a map too).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const projectRoot = path.resolve(__dirname, '..');
const swcrcPath = path.join(projectRoot, '.swcrc');
const cacheDirectory = path.join(projectRoot, 'node_modules', '.cache', 'register-ts');
const swcVersion = JSON.parse(fs.readFileSync(require.resolve('@swc/core/package.json'), 'utf8')).version;
const keySalt = `${swcVersion}\0${fs.readFileSync(swcrcPath, 'utf8')}`;

function transpile(source, filename) {
  const { transformSync } = require('@swc/core');
  return transformSync(source, { filename, configFile: swcrcPath, swcrc: false }).code;
}

function cached(source, filename) {
  const key = crypto.createHash('sha256').update(`${keySalt}\0${filename}\0${source}`).digest('hex');
  const cacheFile = path.join(cacheDirectory, `${key}.js`);
  try {
    return fs.readFileSync(cacheFile, 'utf8');
  } catch {
    const code = transpile(source, filename);
    try {
      // Written aside and renamed, so a concurrent run never reads a half-written file.
      fs.mkdirSync(cacheDirectory, { recursive: true });
      const partial = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(partial, code);
      fs.renameSync(partial, cacheFile);
    } catch {
      // A read-only or full disk only costs speed.
    }
    return code;
  }
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(cached(fs.readFileSync(filename, 'utf8'), filename), filename);
};
