import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { main as synth } from '../main';
import { main as cost } from '../scripts/cost';
import { tempProject } from './support/app-process';
import { REPO_ROOT } from './support/example-stack';

/** The hub-and-spoke and cost pages hold to what runs: their config is the committed one, and the cost report is the script's. */
describe('docs: hub and spoke, cost', () => {
  const page = (name: string): string => readFileSync(path.join(REPO_ROOT, 'docs', name), 'utf8');
  const codeBlocks = (text: string, language: string): string[] =>
    [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);
  const configFile = path.join(REPO_ROOT, 'config', 'hub-and-spoke.json');

  test('GIVEN docs/hub-and-spoke.md THEN it has a Mermaid diagram and the config is config/hub-and-spoke.json', () => {
    expect(codeBlocks(page('hub-and-spoke.md'), 'mermaid')).toHaveLength(1);
    const { $schema: _, ...committed } = JSON.parse(readFileSync(configFile, 'utf8'));
    expect(JSON.parse(codeBlocks(page('hub-and-spoke.md'), 'json')[0])).toEqual(committed);
  });

  test('GIVEN config/hub-and-spoke.json WHEN synthesized THEN the hub and its two spokes are written', () => {
    const outdir = path.join(tempProject('readme-hub'), 'cdktf.out');
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const code = synth({ ECR_PRIVATELINK_CONFIG: configFile, CDKTF_OUTDIR: outdir });
    stderr.mockRestore();
    expect(code).toBe(0);
    expect(readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(['hub', 'team-a', 'team-b']);
  });

  test('GIVEN docs/cost.md THEN its report is what `cost --config config/hub-and-spoke.json --gb 500` prints', () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const cwd = process.cwd();
    process.chdir(REPO_ROOT);
    try {
      expect(cost({}, ['--config', 'config/hub-and-spoke.json', '--gb', '500'])).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const printed = stdout.mock.calls.map((call) => String(call[0])).join('');
    stdout.mockRestore();
    expect(codeBlocks(page('cost.md'), '')[0].trim()).toBe(printed.trim());
  });
});
