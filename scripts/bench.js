#!/usr/bin/env node
// Side-by-side benchmark of synth and tests (issue "Fast: synth near the floor, tests in seconds").
//
//   npm run bench                      1 warm-up + 5 timed runs of each case, medians; then `npm test` once
//   npm run bench -- --runs 9          9 timed runs
//   npm run bench -- --quick           1 timed run, no warm-up, no `npm test`
//   npm run bench -- --write-readme    also put the report between <!-- bench:start --> and
//                                      <!-- bench:end --> in CONTRIBUTING.md ("Performance"; the flag
//                                      keeps its name from when the table was in the README)
//   npm run bench -- --compare REV     also `npm test` of git revision REV (e.g. HEAD~3), side by side: REV is
//                                      checked out in a temporary git worktree with its own `npm ci`
//   npm run bench -- --tests-only --compare REV [--runs N]
//                                      only the `npm test` rows, N runs each (default 1), interleaved
//                                      (REV first in rounds 1, 3, ..., this tree first in rounds 2, 4, ...)
//
// Cases, each run through `sh -c` from the repo root unless said otherwise:
//   (a) the floor: `node -e 'require("cdktf")'`, what any CDKTF app pays before doing anything;
//   (b) our app, the "app" command of cdktf.json, on config/example.json (ECR_PRIVATELINK_CONFIG unset);
//   (c) the same stack as a `cdktf init --template=typescript` project writes it (bench/init-template:
//       one file, imports from the package roots, `npx ts-node main.ts`, which type-checks every synth);
//   (d) our app on generated configs of 1, 10, 50 and 100 stacks, with a straight-line fit;
//   (e) `npm test`, once (and that of --compare REV, in its worktree).
// Synth output goes to temp folders through CDKTF_OUTDIR (the repo's cdktf.out is left alone), and each
// synth case is checked to have written its stacks, each with (at least) the 4 resources.
//
// Wall time is measured here (hrtime); peak RSS comes from GNU time's %M (`/usr/bin/time`, Debian package
// `time`), written to a temp file with -o so it never mixes with the command's output. Targets are
// printed as met or not; a missed target never fails the run. Exit status is non-zero only when a
// measured command fails, and its stderr is shown.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const ROOT = path.resolve(__dirname, '..');
const GNU_TIME = '/usr/bin/time';
const HAS_GNU_TIME = fs.existsSync(GNU_TIME);
const STACK_COUNTS = [1, 10, 50, 100];
const RESOURCES_PER_STACK = 4; // the security group, ecr.api, ecr.dkr, the S3 gateway
const MARKERS = ['<!-- bench:start -->', '<!-- bench:end -->'];
const REPORT_FILE = 'CONTRIBUTING.md'; // where --write-readme puts the report, between the markers

let scratch; // temp folder of this run: generated configs, synth outputs, GNU time's figures
const appCommand = readJson(path.join(ROOT, 'cdktf.json')).app;
const exampleConfig = readJson(path.join(ROOT, 'config', 'example.json'));

// --- the cases ---------------------------------------------------------------------------------------

function floorCase() {
  return { label: '(a) floor: `node -e \'require("cdktf")\'`', command: `node -e 'require("cdktf")'` };
}

function appExampleCase() {
  return synthCase(`(b) app, example config: \`${appCommand}\``, appCommand, {}, exampleConfig.stacks.length);
}

function initTemplateCase() {
  return synthCase(
    '(c) init-template style: `npx ts-node main.ts`, provider root imports',
    'npx ts-node main.ts',
    {},
    exampleConfig.stacks.length,
    path.join(ROOT, 'bench', 'init-template'),
  );
}

function appStacksCase(count) {
  const configFile = path.join(scratch, `stacks-${count}.json`);
  fs.writeFileSync(configFile, JSON.stringify(generatedConfig(count), null, 2));
  const testCase = synthCase(`(d) app, ${count} stack${count === 1 ? '' : 's'}`, appCommand, { ECR_PRIVATELINK_CONFIG: configFile }, count);
  return { ...testCase, stacks: count };
}

function npmTestCase(testsOnly) {
  return {
    label: `(e) \`npm test\`${testsOnly ? '' : ' (1 run)²'}, this tree (${gitShort('HEAD')}${isDirty() ? ' + changes' : ''})`,
    command: 'npm test',
    once: !testsOnly,
    tests: true,
  };
}

/** `npm test` of `rev`, in a worktree of its own set up by `checkOut`. */
function comparedNpmTestCase(rev, worktree, testsOnly) {
  return {
    label: `(e) \`npm test\`${testsOnly ? '' : ' (1 run)²'} at ${rev} (${gitShort(rev)})`,
    command: 'npm test',
    cwd: worktree,
    once: !testsOnly,
    tests: true,
    compared: true,
  };
}

/** A detached git worktree of `rev` in a temp folder, with its dependencies installed by `npm ci`. */
function checkOut(rev) {
  const worktree = path.join(scratch, `worktree-${gitShort(rev)}`);
  console.error(`bench: checking out ${rev} in ${worktree} and running npm ci there ...`);
  for (const [command, args, cwd] of [
    ['git', ['worktree', 'add', '--detach', worktree, rev], ROOT],
    ['npm', ['ci', '--no-audit', '--no-fund'], worktree],
  ]) {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
    }
  }
  return worktree;
}

function removeWorktree(worktree) {
  spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT });
}

function gitShort(rev) {
  return spawnSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
}

function isDirty() {
  return spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
}

/** A case that synthesizes into its own temp CDKTF_OUTDIR, emptied before each run and checked after. */
function synthCase(label, command, env, expectedStacks, cwd = ROOT) {
  const outdir = fs.mkdtempSync(path.join(scratch, 'out-'));
  return {
    label,
    command,
    cwd,
    env: { ...env, CDKTF_OUTDIR: outdir },
    before: () => fs.rmSync(outdir, { recursive: true, force: true }),
    check: () => checkSynth(outdir, expectedStacks),
  };
}

/** Copies of the example stack named s000, s001, ... with their own name prefixes and state files. */
function generatedConfig(count) {
  const stacks = Array.from({ length: count }, (_, i) => {
    const name = `s${String(i).padStart(3, '0')}`;
    return { ...exampleConfig.stacks[0], name, namePrefix: name, backend: { type: 'local', path: `terraform.${name}.tfstate` } };
  });
  return { stacks };
}

/** Returns a problem, or undefined when outdir holds `expected` stacks of at least 4 resources each. */
function checkSynth(outdir, expected) {
  const stacksDir = path.join(outdir, 'stacks');
  const names = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : [];
  if (names.length !== expected) {
    return `expected ${expected} stack(s) in ${stacksDir}, found ${names.length}`;
  }
  for (const name of names) {
    const { resource = {} } = readJson(path.join(stacksDir, name, 'cdk.tf.json'));
    const count = Object.values(resource).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
    if (count < RESOURCES_PER_STACK) {
      return `stack ${name} has ${count} resources, expected at least ${RESOURCES_PER_STACK}`;
    }
  }
  return undefined;
}

// --- measuring ---------------------------------------------------------------------------------------

/** Runs one case once; returns { seconds, rssMb }. Stops the bench if the command fails. */
function runOnce(testCase) {
  testCase.before?.();
  // The caller's config and output folder are not passed on: the cases set their own.
  const env = { ...process.env };
  delete env.ECR_PRIVATELINK_CONFIG;
  delete env.CDKTF_OUTDIR;
  Object.assign(env, testCase.env);
  const timeFile = path.join(scratch, 'time.txt');
  const shell = ['sh', '-c', testCase.command];
  const argv = HAS_GNU_TIME ? [GNU_TIME, '-f', '%M', '-o', timeFile, ...shell] : shell;
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd: testCase.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const problem = result.error
    ? String(result.error)
    : result.status !== 0
      ? `exited with ${result.status ?? result.signal}`
      : testCase.check?.();
  if (problem) {
    fail(testCase, problem, result);
  }
  // On failure GNU time writes a line before the figures; the figure is always the last line.
  const rssKb = HAS_GNU_TIME ? Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: rssKb / 1024 };
}

function fail(testCase, problem, result) {
  console.error(`\nbench: ${testCase.label} failed: ${problem}\n  command: ${testCase.command}\n  cwd: ${testCase.cwd ?? ROOT}`);
  if (result.stderr) {
    console.error(`--- stderr ---\n${result.stderr.trimEnd()}`);
  }
  if (result.status !== 0 && result.stdout) {
    console.error(`--- stdout (last 40 lines) ---\n${result.stdout.trimEnd().split('\n').slice(-40).join('\n')}`);
  }
  cleanUp();
  process.exit(1);
}

/**
 * Runs the cases interleaved (run 1 of every case, then run 2, ...) so that a slow spell of the machine
 * spreads over all of them; `once` cases run only in the last round. Warm-up runs are not counted.
 */
function measureAll(cases, { runs, warmUp }) {
  const samples = cases.map(() => []);
  const rounds = warmUp + runs;
  for (let round = 0; round < rounds; round += 1) {
    // The compared revision's `npm test` runs first in rounds 1, 3, ... and last in rounds 2, 4, ..., so
    // neither side always follows the other.
    const comparedFirst = round % 2 === 0;
    const rank = (i) => (cases[i].compared ? (comparedFirst ? -1 : 1) : 0);
    const order = cases.map((_, i) => i).sort((a, b) => rank(a) - rank(b));
    order.forEach((i) => {
      const testCase = cases[i];
      if (testCase.once && round !== rounds - 1) {
        return;
      }
      const sample = runOnce(testCase);
      const kind = round < warmUp ? 'warm-up' : `run ${round - warmUp + 1}/${runs}`;
      console.error(
        `${kind.padEnd(10)} ${sample.seconds.toFixed(2).padStart(6)} s ${fmt(sample.rssMb, 0).padStart(5)} MB  ${testCase.label}`,
      );
      if (round >= warmUp) {
        samples[i].push(sample);
      }
    });
  }
  return cases.map((testCase, i) => {
    const seconds = samples[i].map((s) => s.seconds);
    return {
      ...testCase,
      seconds: median(seconds),
      minSeconds: Math.min(...seconds),
      maxSeconds: Math.max(...seconds),
      rssMb: median(samples[i].map((s) => s.rssMb)),
    };
  });
}

// --- reporting ---------------------------------------------------------------------------------------

/** The comparison of `npm test` with that of the compared revision, as report lines; none without one. */
function testsComparison(results) {
  const current = results.find((r) => r.tests && !r.compared);
  const compared = results.find((r) => r.compared);
  if (!current || !compared) {
    return [];
  }
  const ratio = current.seconds / compared.seconds;
  return [
    `\`npm test\`: this tree ${current.seconds.toFixed(1)} s, ${compared.label.replace(/^\(e\) /, '')} ${compared.seconds.toFixed(1)} s (medians): ${fmt(ratio, 2)}x.`,
    target("`npm test` at most half the compared revision's", `${fmt(ratio, 2)}x`, ratio <= 0.5),
  ];
}

/** The report of a --tests-only run: the `npm test` rows and their comparison. */
function testsReport(results, options) {
  return [
    `Machine: ${cpuModel()}, nproc ${os.availableParallelism()}, Node ${process.version}, load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}. ` + `${options.runs} run(s) of each, interleaved, medians.`,
    '',
    '| case | median wall s | min–max wall s | peak RSS MB¹ |',
    '| --- | ---: | ---: | ---: |',
    ...results.map(
      (r) => `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.minSeconds.toFixed(2)}–${r.maxSeconds.toFixed(2)} | ${fmt(r.rssMb, 0)} |`,
    ),
    '',
    ...testsComparison(results),
    '',
    HAS_GNU_TIME
      ? '¹ Peak RSS from GNU time: the largest single process of the command (tsc, jest, a worker or terraform), not of the whole tree.'
      : '¹ Peak RSS n/a: /usr/bin/time is missing (Debian package `time`).',
    'Other work on the machine slows both sides; compare the two rows of one run, not across runs.',
  ].join('\n');
}

function report(results, options) {
  const [floor] = results;
  const byLabel = (prefix) => results.find((r) => r.label.startsWith(prefix));
  const app = byLabel('(b)');
  const scaled = results.filter((r) => r.stacks !== undefined);
  const hundred = scaled.find((r) => r.stacks === 100);
  const fit = lineFit(scaled.map((r) => [r.stacks, r.seconds]));
  const marginal = scaled.slice(1).map((r, i) => ({
    span: `${scaled[i].stacks}→${r.stacks}`,
    ms: ((r.seconds - scaled[i].seconds) / (r.stacks - scaled[i].stacks)) * 1000,
  }));
  // Linear, or better: the last stacks added cost at most 1.5x as much each as the middle ones. (R² is
  // printed, but it says little when the fixed start-up cost dominates and one run is noisy.)
  const growth = marginal.at(-1).ms / marginal.at(-2).ms;
  const ratio = (value, base) => `${fmt(value / base, 2)}x`;

  const lines = [
    `Machine: ${cpuModel()}, nproc ${os.availableParallelism()}, Node ${process.version}, ${os.platform()} ${os.arch()}. ` +
      `${options.runs} timed run(s)${options.warmUp ? ` after ${options.warmUp} warm-up` : ''}, medians.`,
    '',
    '| case | median wall s | min–max wall s | ratio to floor | peak RSS MB¹ | ratio to floor RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.minSeconds.toFixed(2)}–${r.maxSeconds.toFixed(2)} | ` +
        `${ratio(r.seconds, floor.seconds)} | ${fmt(r.rssMb, 0)} | ${ratio(r.rssMb, floor.rssMb)} |`,
    ),
    '',
    // A busy machine slows the floor too, but the app's per-stack work more: say how quiet this run was.
    `Floor spread: slowest run ${ratio(floor.maxSeconds, floor.minSeconds)} the fastest` +
      `${floor.maxSeconds > 1.2 * floor.minSeconds ? ' (the machine was busy during the runs: ratios to the floor are less reliable)' : ''}.`,
    '',
    `(d) fit: t = ${fit.intercept.toFixed(2)} s + ${(fit.slope * 1000).toFixed(1)} ms × stacks (R² ${fit.r2.toFixed(4)}); ` +
      `ms per added stack: ${marginal.map((m) => `${m.span} ${m.ms.toFixed(1)}`).join(', ')}.`,
    '',
    'Targets:',
    target('(b) within 1.5x of the floor', ratio(app.seconds, floor.seconds), app.seconds <= 1.5 * floor.seconds),
    target('(d) 100 stacks within 4x of the floor', ratio(hundred.seconds, floor.seconds), hundred.seconds <= 4 * floor.seconds),
    target(
      '(d) linear in stack count (ms per added stack, last span at most 1.5x the one before)',
      `${marginal.at(-1).span} is ${growth.toFixed(2)}x ${marginal.at(-2).span}`,
      growth <= 1.5,
    ),
    target('(b) peak RSS under 150 MB', `${fmt(app.rssMb, 0)} MB`, HAS_GNU_TIME ? app.rssMb < 150 : undefined),
    ...testsComparison(results).slice(1),
    '',
    HAS_GNU_TIME
      ? '¹ Peak RSS from GNU time: the largest single process of the command, not the sum of a process tree.'
      : '¹ Peak RSS n/a: /usr/bin/time is missing (Debian package `time`).',
    ...(results.some((r) => r.once)
      ? ['² One run. Its peak RSS is that of the largest process (tsc, jest, a jest worker or terraform), not of the whole tree.']
      : []),
  ];
  return lines.join('\n');
}

function target(name, measured, met) {
  return `- ${name}: ${measured}: ${met === undefined ? 'n/a' : met ? 'met' : 'NOT met'}`;
}

/** Least-squares line through [x, y] points, with its coefficient of determination. */
function lineFit(points) {
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - meanX) * (y - meanY), 0);
  const sxx = points.reduce((s, [x]) => s + (x - meanX) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residual = points.reduce((s, [x, y]) => s + (y - intercept - slope * x) ** 2, 0);
  const total = points.reduce((s, [, y]) => s + (y - meanY) ** 2, 0);
  return { slope, intercept, r2: total === 0 ? 1 : 1 - residual / total };
}

/** Replaces what lies between the markers; undefined when the file lacks them. */
function withReport(readme, text) {
  const start = readme.indexOf(MARKERS[0]);
  const end = readme.indexOf(MARKERS[1], start);
  if (start < 0 || end < 0) {
    return undefined;
  }
  return `${readme.slice(0, start + MARKERS[0].length)}\n${text}\n${readme.slice(end)}`;
}

function writeReadme(text) {
  const file = path.join(ROOT, REPORT_FILE);
  const updated = withReport(fs.readFileSync(file, 'utf8'), text);
  if (updated === undefined) {
    console.error(`bench: ${REPORT_FILE} not changed: add the lines ${MARKERS.join(' and ')} where the table goes, then run again.`);
    return;
  }
  fs.writeFileSync(file, updated);
  console.error(`bench: ${REPORT_FILE} updated between the bench markers.`);
}

// --- small helpers -----------------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(value, digits) {
  return Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

function cpuModel() {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown CPU';
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function cleanUp() {
  fs.rmSync(scratch, { recursive: true, force: true });
}

const USAGE = 'Usage: npm run bench -- [--runs N] [--quick] [--write-readme] [--compare REV] [--tests-only]';

/** The options, or an Error whose message says what is wrong (the caller prints it with the usage, exit 2). */
function parseOptions(argv) {
  const { values } = util.parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'write-readme': { type: 'boolean', default: false },
      compare: { type: 'string' },
      'tests-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.runs !== undefined && !/^[1-9]\d*$/.test(values.runs)) {
    throw new Error(`--runs: "${values.runs}" is not a positive whole number`);
  }
  if (values['tests-only'] && (values.quick || values['write-readme'])) {
    throw new Error('--tests-only measures `npm test` only: it takes neither --quick nor --write-readme');
  }
  if (
    values.compare !== undefined &&
    spawnSync('git', ['rev-parse', '--verify', '--quiet', `${values.compare}^{commit}`], { cwd: ROOT }).status !== 0
  ) {
    throw new Error(`--compare: "${values.compare}" is not a commit of this repository`);
  }
  const testsOnly = values['tests-only'];
  const runs = values.runs !== undefined ? Number(values.runs) : values.quick ? 1 : testsOnly ? 1 : 5;
  return {
    help: values.help,
    runs: values.quick ? 1 : runs,
    quick: values.quick,
    writeReadme: values['write-readme'],
    compare: values.compare,
    testsOnly,
    // `npm test` warms its own caches; the synth cases get a warm-up run.
    warmUp: values.quick || testsOnly ? 0 : 1,
  };
}

function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecr-bench-'));
  if (!HAS_GNU_TIME) {
    console.error('bench: /usr/bin/time is missing (Debian package `time`): peak RSS will be n/a.');
  }
  let worktree;
  try {
    const cases = options.testsOnly ? [] : [floorCase(), appExampleCase(), initTemplateCase(), ...STACK_COUNTS.map(appStacksCase)];
    if (!options.quick) {
      cases.push(npmTestCase(options.testsOnly));
      if (options.compare) {
        worktree = checkOut(options.compare);
        cases.push(comparedNpmTestCase(options.compare, worktree, options.testsOnly));
      }
    }
    const results = measureAll(cases, options);
    const text = options.testsOnly ? testsReport(results, options) : report(results, options);
    console.log(text);
    if (options.writeReadme) {
      writeReadme(text);
    }
  } finally {
    if (worktree) {
      removeWorktree(worktree);
    }
    cleanUp();
  }
}

if (require.main === module) {
  main();
}
module.exports = { withReport, lineFit, median, parseOptions };
