/**
 * `npm run generate`: writes config/schema.json and the precompiled config validator from the one
 * declaration in lib/config/config-schema.ts. A test fails while the committed files are stale.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { schemaArtifacts } from '../lib/config/schema-artifacts';

for (const [file, content] of Object.entries(schemaArtifacts())) {
  writeFileSync(path.join(__dirname, '..', file), content);
  console.log(`wrote ${file}`);
}
