import { existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { main } from '../main';
import { tempProject } from './support/app-process';
import { EXAMPLE_CONFIG_PATH } from './support/example-stack';

/**
 * No input crashes the app (property-based, fast-check): whatever the config file holds, main() exits
 * 0, or exits 1 with every listed problem naming a field, and writes nothing when it refuses.
 */
const project = tempProject('any-input');
const configPath = path.join(project, 'config.json');
const outdir = path.join(project, 'cdktf.out');
const EXAMPLE = JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Runs the app on `text`; returns what a user sees. */
function runOn(text: string): { code: number; stderr: string; wrote: boolean } {
  rmSync(outdir, { recursive: true, force: true });
  writeFileSync(configPath, text);
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = main({ ECR_PRIVATELINK_CONFIG: configPath, CDKTF_OUTDIR: outdir });
    return { code, stderr: spy.mock.calls.map((call) => call.join(' ')).join('\n'), wrote: existsSync(outdir) };
  } finally {
    spy.mockRestore();
  }
}

function expectExitZeroOrNamedRefusal(text: string): void {
  const { code, stderr, wrote } = runOn(text);
  if (code === 0) {
    expect(wrote).toBe(true);
    return;
  }
  expect(code).toBe(1);
  expect(wrote).toBe(false);
  expect(stderr).toMatch(/^(Config refused|Checks failed), nothing was synthesized\./);
  const problems = stderr.split('\n').filter((line) => line.startsWith('  - '));
  expect(problems.length).toBeGreaterThan(0);
  for (const line of problems) {
    // `  - <field>: <value> <message>` with a field that reads as one (keys that would not are quoted),
    // or `  - [<construct path>] <message>` for synth checks
    expect(line).toMatch(
      /^ {2}- ((\(file\)|\(root\)|[\w$.:/-]+|\["(?:[^"\\]|\\.)*"\])([.\w$:/-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*: |\[[^\]]+\] )/,
    );
  }
}

/** A key to add: ordinary, prototype-named, or a known field in the wrong place. */
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'stacks', 'type', 'name', 'ecr.api', 'adopt'), fc.string({ maxLength: 12 }));

/** The example config with one value somewhere replaced, one key removed, or one key added. */
const mutatedExample = fc
  .tuple(
    fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('replace', 'delete', 'add'),
    key,
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map(([steps, kind, newKey, value]) => {
    const config = structuredClone(EXAMPLE);
    let parent: any = config;
    for (const step of steps.slice(0, -1)) {
      const keys = Object.keys(parent);
      const next = parent[keys[step % Math.max(keys.length, 1)]];
      if (typeof next !== 'object' || next === null) {
        break;
      }
      parent = next;
    }
    const keys = Object.keys(parent);
    const target = keys[steps[steps.length - 1] % Math.max(keys.length, 1)];
    if (kind === 'add' || target === undefined) {
      Object.defineProperty(parent, newKey, { value, enumerable: true, configurable: true, writable: true });
    } else if (kind === 'delete') {
      delete parent[target];
    } else {
      parent[target] = value;
    }
    return JSON.stringify(config);
  });

describe('any input through main()', () => {
  test('GIVEN arbitrary JSON THEN exit 0, or exit 1 naming fields with nothing written', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectExitZeroOrNamedRefusal(JSON.stringify(value) ?? 'null')),
      { numRuns: 150 },
    );
  });

  test('GIVEN mutations of the example config THEN exit 0, or exit 1 naming fields with nothing written', () => {
    fc.assert(fc.property(mutatedExample, expectExitZeroOrNamedRefusal), { numRuns: 120 });
  });

  test.each(PROTOTYPE_NAMES)(
    'GIVEN %s as a key at the root, in a stack, in adopt and in tags THEN it is refused or taken as data, never a crash',
    (name) => {
      const stack = { ...EXAMPLE.stacks[0], adopt: JSON.parse(`{"${name}": "vpce-0a1b2c3d4e5f60005"}`) };
      const text = JSON.stringify({ ...EXAMPLE, stacks: [stack] }).replace('"stacks":', `"${name}": {}, "stacks":`);
      expectExitZeroOrNamedRefusal(text);
      expect(runOn(text).stderr).toContain(`${name}: {} is not a known field`);
    },
  );

  test.each(PROTOTYPE_NAMES)('GIVEN %s as an interface service name THEN it is refused or synthesized, never a crash', (name) => {
    const text = JSON.stringify({ ...EXAMPLE, stacks: [{ ...EXAMPLE.stacks[0], additionalInterfaceServices: [name] }] });
    expectExitZeroOrNamedRefusal(text);
  });

  test('GIVEN 100,000 levels of nesting THEN the refusal prints a bounded value', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const { code, stderr, wrote } = runOn(
      JSON.stringify({ stacks: [{ ...EXAMPLE.stacks[0], tags: 0 }] }).replace('"tags":0', `"tags":${deep}`),
    );
    expect({ code, wrote }).toEqual({ code: 1, wrote: false });
    expect(stderr).toContain('stacks[0].tags: [[[[...]]]] must be an object of string values');
  });
});
