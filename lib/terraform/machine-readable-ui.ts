/**
 * Reading Terraform's machine-readable UI (`terraform plan -json` and the like): one JSON object per line
 * on stdout (https://developer.hashicorp.com/terraform/internals/machine-readable-ui).
 */

/** One message of the machine-readable UI, with the fields this project reads. */
export interface UiMessage {
  /** e.g. `version`, `planned_change`, `change_summary`, `diagnostic`. */
  readonly type?: string;
  /** In `planned_change`: the resource instance and the action planned for it. */
  readonly change?: { readonly resource?: { readonly addr?: string }; readonly action?: string };
  /** In `diagnostic`. */
  readonly diagnostic?: UiDiagnostic;
}

/** A warning or an error, as the machine-readable UI gives it. */
export interface UiDiagnostic {
  readonly severity?: string;
  readonly summary?: string;
  readonly detail?: string;
  /** The resource instance the diagnostic is about, when there is one. */
  readonly address?: string;
  /** Where in the configuration, when it is about a part of it. */
  readonly range?: { readonly filename?: string; readonly start?: { readonly line?: number } };
}

/** A line of the output: a message, or the text of a line that is not one. */
export type UiLine = { readonly message: UiMessage } | { readonly text: string };

/** The lines of the output (the newline that ends the last one does not start another). */
export function uiLines(stdout: string): UiLine[] {
  if (stdout === '') {
    return [];
  }
  return stdout
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      try {
        const message: unknown = JSON.parse(line);
        return typeof message === 'object' && message !== null && !Array.isArray(message) ? { message } : { text: line };
      } catch {
        return { text: line };
      }
    });
}

/**
 * What a failed command said, for a person: each diagnostic laid out as Terraform prints it without
 * `-json` (severity and summary, where, the detail), and any line that is not a message as it is, so
 * plain text comes back unchanged. The other messages (version, planned changes, change summary) are
 * left out.
 */
export function readableUiOutput(stdout: string): string {
  return uiLines(stdout)
    .flatMap((line) =>
      'text' in line ? [`${line.text}\n`] : line.message.diagnostic ? [`${diagnosticText(line.message.diagnostic)}\n\n`] : [],
    )
    .join('');
}

function diagnosticText(diagnostic: UiDiagnostic): string {
  const { severity, summary, detail, address, range } = diagnostic;
  const lines = [`${severity === 'warning' ? 'Warning' : 'Error'}: ${summary ?? ''}`];
  const where = [
    ...(address ? [`  with ${address}`] : []),
    ...(range?.filename ? [`  on ${range.filename}${range.start?.line !== undefined ? ` line ${range.start.line}` : ''}`] : []),
  ];
  if (where.length > 0) {
    lines.push('', ...where);
  }
  if (detail) {
    lines.push('', detail);
  }
  return lines.join('\n');
}
