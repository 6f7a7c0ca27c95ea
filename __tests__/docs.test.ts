import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { StackSchema } from '../lib/config/config-schema';
import { REPO_ROOT } from './support/example-stack';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withReport } = require('../scripts/bench.js') as { withReport: (text: string, report: string) => string | undefined };

/**
 * The documentation a user reads (README.md, docs/, CONTRIBUTING.md) against what it points at: links
 * and anchors that resolve, a configuration reference that lists exactly the fields the config schema
 * has, and the places scripts and CI rely on (the quick start's test command, the bench markers).
 */

const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];

const read = (page: string): string => readFileSync(path.join(REPO_ROOT, page), 'utf8');

/** The page without fenced code blocks, whose text is not Markdown. */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
}

/** The anchors GitHub gives a page's headings: lowercased text, punctuation dropped, spaces as dashes. */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Relative link targets of a page's prose, e.g. `docs/ci.md#setup`, `#teardown`. */
function relativeLinks(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^[a-z]+:/.test(target));
}

/** The section of `markdown` under the `## title` heading, up to the next `## ` heading. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) {
    throw new Error(`no "## ${title}" section`);
  }
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('GIVEN the documentation pages', () => {
  test('THEN the pages checked below include the README, CONTRIBUTING.md and docs/', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/ci.md', 'docs/preflight.md']));
  });

  test.each(PAGES)('WHEN %s links to another file or an anchor THEN the file and the heading exist', (page) => {
    const broken = relativeLinks(read(page)).filter((target) => {
      const [file, anchor] = target.split('#');
      const resolved = file ? path.join(path.dirname(path.join(REPO_ROOT, page)), file) : path.join(REPO_ROOT, page);
      if (!existsSync(resolved)) {
        return true;
      }
      return anchor !== undefined && resolved.endsWith('.md') && !headingAnchors(readFileSync(resolved, 'utf8')).has(anchor);
    });
    expect({ page, broken }).toEqual({ page, broken: [] });
  });

  test('WHEN a link points at a heading that is not there THEN the check finds it', () => {
    const anchors = headingAnchors('# Title\n## 3. Adopt\n### The `production` environment\n```sh\n# not a heading\n```\n## Adopt');
    expect([...anchors]).toEqual(['title', '3-adopt', 'the-production-environment', 'adopt']);
    expect(anchors.has('not-a-heading')).toBe(false);
  });
});

describe("GIVEN the README's configuration reference", () => {
  const rows = [
    ...section(read('README.md'), 'Configuration reference').matchAll(/^\| `([A-Za-z0-9]+)` \| ((?:yes|no)(?: \([^)]*\))?) \|/gm),
  ].map(
    // Plain "yes": required in every stack; "yes (not in a spoke)" and the like: required only by a condition.
    ([, field, required]) => ({ field, required: required === 'yes' }),
  );

  test('THEN it lists exactly the fields of a stack in lib/config/config-schema.ts', () => {
    expect(rows.map((row) => row.field).sort()).toEqual(Object.keys(StackSchema.properties).sort());
  });

  test('THEN "required" says yes exactly for the fields the schema requires', () => {
    const required = new Set<string>(StackSchema.required ?? []);
    expect(rows.filter((row) => row.required !== required.has(row.field))).toEqual([]);
  });

  test('THEN docs/remote-state.md names every field of every backend type', () => {
    const remoteState = read('docs/remote-state.md');
    const backends = (StackSchema.properties.backend as unknown as { oneOf: { properties: Record<string, unknown> }[] }).oneOf;
    const fields = [...new Set(backends.flatMap((backend) => Object.keys(backend.properties)))];
    expect(fields.length).toBeGreaterThan(3);
    expect(fields.filter((field) => !remoteState.includes(`\`${field}\``))).toEqual([]);
  });
});

describe('GIVEN what scripts and CI rely on in the documentation', () => {
  test('WHEN .ci/run runs the tests THEN it runs the command the quick start gives, `npm test`', () => {
    const quickStart = section(read('README.md'), 'Quick start');
    const commands = (text: string) =>
      text
        .split('\n')
        .map((line) => line.replace(/#.*$/, '').trim())
        .filter(Boolean);
    const shellBlock = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? '';
    expect(commands(shellBlock)).toContain('npm test');
    expect(commands(read('.ci/run'))).toContain('npm test');
  });

  test('WHEN `npm run bench -- --write-readme` writes its table THEN CONTRIBUTING.md has the markers it writes between', () => {
    expect(withReport(read('CONTRIBUTING.md'), 'table')).toContain('<!-- bench:start -->\ntable\n<!-- bench:end -->');
    expect(withReport('no markers here', 'table')).toBeUndefined();
  });
});
