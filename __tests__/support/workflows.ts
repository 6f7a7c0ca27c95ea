import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO_ROOT } from './example-stack';

/** Reading GitHub Actions workflows as data, for tests of their properties (not of their text). */

export const WORKFLOWS_DIR = path.join(REPO_ROOT, '.github', 'workflows');

export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

export interface Job {
  readonly if?: string;
  readonly needs?: string | string[];
  readonly permissions?: Record<string, string> | string;
  readonly environment?: string | { name: string; url?: string };
  readonly concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string };
  readonly strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  readonly outputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly 'timeout-minutes'?: number | string;
  /** A reusable workflow called as the job. */
  readonly uses?: string;
  readonly steps?: Step[];
}

export interface Workflow {
  readonly on: string | string[] | Record<string, any>;
  readonly permissions?: Record<string, string> | string;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

/** Every workflow file, however many there are. */
export function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS_DIR)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
}

export function readWorkflow(file: string): Workflow {
  return parse(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as Workflow;
}

/** The events a workflow runs on. */
export function triggers(workflow: Workflow): string[] {
  return typeof workflow.on === 'string' ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on);
}

export const stepsOf = (job: Job): Step[] => job.steps ?? [];

export const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : ([] as string[]).concat(job.needs));

export const environmentOf = (job: Job): string | undefined =>
  typeof job.environment === 'object' ? job.environment.name : job.environment;

/** Whether `step` uses `action` (`owner/repo`) at any ref: a major tag or a full commit SHA. */
export const usesAction = (step: Step, action: string): boolean => (step.uses ?? '').startsWith(`${action}@`);

/** The jobs `name` needs, directly or through others, and itself. */
export function needsClosure(workflow: Workflow, name: string): string[] {
  const seen = new Set<string>();
  const visit = (job: string): void => {
    if (!seen.has(job)) {
      seen.add(job);
      needsOf(workflow.jobs[job]).forEach(visit);
    }
  };
  visit(name);
  return [...seen];
}

/** One simple command of a `run:` script, its words with quotes removed. */
export type Command = string[];

/**
 * The simple commands of a bash script: lines joined at `\`, split at `;`, `&&`, `||`, `|`, and `$(`, with
 * redirections dropped. Enough for the scripts of these workflows, not a shell parser.
 */
export function commandsIn(script: string): Command[] {
  return script
    .replace(/\\\n/g, ' ')
    .split(/\n|;|&&|\|\||\||\$\(|\)|\{|\}/)
    .map((segment) => (segment.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^["']|["']$/g, '')))
    .map((words) => words.filter((word, i) => !/^\d*[<>]/.test(word) && !/^\d*[<>]/.test(words[i - 1] ?? '')))
    .filter((words) => words.length > 0);
}

/** A Terraform command: its subcommand and the words after it (global options like -chdir dropped). */
export interface TerraformCommand {
  readonly subcommand: string;
  readonly args: string[];
}

export function terraformCommandsIn(script: string): TerraformCommand[] {
  return commandsIn(script).flatMap((words) => {
    const start = words.findIndex((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word));
    if (words[start] !== 'terraform') {
      return [];
    }
    const rest = words.slice(start + 1).filter((word) => !word.startsWith('-chdir='));
    return rest.length > 0 ? [{ subcommand: rest[0], args: rest.slice(1) }] : [];
  });
}

export const runScripts = (job: Job): string[] => stepsOf(job).flatMap((step) => (step.run ? [step.run] : []));
