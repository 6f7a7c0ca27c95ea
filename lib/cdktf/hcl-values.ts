// `cdktf synth --hcl` writes HCL with cdktf's renderer (cdktf/lib/hcl/render.js), which guesses how to
// write a value unless the value says what it is: `{ value, isBlock, type, storageClassType }`, the shape
// the generated provider classes give it from `synthesizeHclAttributes`. Values in that shape render as
// Terraform reads them back; the guesses go wrong for what we write (see below). The JSON synthesis never
// sees these shapes. __tests__/hcl-output.test.ts and the Terraform suites hold the output to them.

import { IResolvable } from 'cdktf';

/** What cdktf's HCL renderer takes for one attribute or nested block. */
export interface HclRendered {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type?: 'simple' | 'list';
  readonly storageClassType?: string;
}

/**
 * A string attribute whose text is a Terraform template (`${...}` interpolations, as the JSON syntax
 * holds it). The renderer puts a string with an interpolation between quotes as it is, so a `"` in the
 * literal text would end the string early; the literal parts are escaped here instead. A token object
 * (such as an iterator's `each.value`) resolves to a bare `${...}` and is passed on as it is.
 */
export function hclString(template: string | IResolvable): HclRendered {
  const value = typeof template === 'string' ? escapeTemplateLiterals(template) : template;
  return { value, isBlock: false, type: 'simple', storageClassType: 'string' };
}

/** A list of string templates (e.g. a filter's `values`). */
export function hclStringList(templates: readonly (string | IResolvable)[]): HclRendered {
  const value = templates.map((t) => (typeof t === 'string' ? escapeTemplateLiterals(t) : t));
  return { value, isBlock: false, type: 'list', storageClassType: 'stringList' };
}

/**
 * A list of bare references (e.g. `ignore_changes = [vpc]`): the renderer writes the items of a number
 * list as they are, where its string list would quote them, the Terraform 0.11 syntax Terraform warns about.
 */
export function hclReferenceList(references: readonly string[]): HclRendered {
  return { value: [...references], isBlock: false, type: 'list', storageClassType: 'numberList' };
}

/**
 * An argument as the JSON syntax holds it, shaped for the renderer: a string (or token), a list of
 * strings, or a list of objects, which Terraform reads as nested blocks (e.g. `filter { ... }`).
 */
export function hclValue(value: unknown): HclRendered {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string')) {
      return hclStringList(value as string[]);
    }
    return hclBlocks(
      value.map((item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).map(([name, v]) => [name, hclValue(v)]))),
    );
  }
  return hclString(value as string | IResolvable);
}

/** One nested block per item (e.g. `precondition { ... }`); the renderer otherwise writes a list attribute. */
export function hclBlocks(items: readonly Record<string, HclRendered>[]): HclRendered {
  return { value: [...items], isBlock: true, type: 'list', storageClassType: 'object' };
}

/** One nested block (e.g. `lifecycle { ... }`) holding already-shaped attributes and blocks. */
export function hclBlock(attributes: Record<string, HclRendered>): HclRendered {
  return { value: attributes, isBlock: true };
}

/** A Terraform template (as the JSON syntax holds it) as an HCL quoted string, quotes included. */
export function quotedHclTemplate(template: string): string {
  return `"${escapeTemplateLiterals(template)}"`;
}

const LITERAL_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The template with its literal text escaped for HCL's quoted-string syntax. `${...}` and `%{...}`
 * sequences are expressions, the same in both syntaxes, and stay as they are (the strings inside them
 * are already HCL); `$${` and `%%{`, literal `${` and `%{`, also read the same in both.
 */
export function escapeTemplateLiterals(template: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const escapedOpening = /^(\$\$|%%)\{/.exec(template.slice(i, i + 3));
    if (escapedOpening) {
      out += escapedOpening[0];
      i += 3;
    } else if ((template[i] === '$' || template[i] === '%') && template[i + 1] === '{') {
      const end = endOfSequence(template, i + 2);
      out += template.slice(i, end);
      i = end;
    } else {
      out += LITERAL_ESCAPES[template[i]] ?? template[i];
      i += 1;
    }
  }
  return out;
}

/** Index just past the `}` closing the sequence whose body starts at `start`. */
function endOfSequence(text: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = endOfQuoted(text, i + 1);
      continue;
    }
    if (c === '{') {
      depth += 1;
    } else if (c === '}' && --depth === 0) {
      return i + 1;
    }
    i += 1;
  }
  throw new Error(`Unterminated template sequence in ${JSON.stringify(text)}`);
}

/** Index just past the `"` closing the quoted template (inside an expression) whose text starts at `start`. */
function endOfQuoted(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '"') {
      return i + 1;
    } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      i += 3;
    } else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      i = endOfSequence(text, i + 2);
    } else {
      i += 1;
    }
  }
  throw new Error(`Unterminated string in ${JSON.stringify(text)}`);
}
