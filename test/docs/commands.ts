import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';

/**
 * The shell commands the documentation tells a user to type, as the docs-commands tests find them:
 * every line of a ```sh (bash, shell, console) block, and in other code blocks (a command's help in
 * docs/cli.md) the lines that start with `$ bosoreport`, `npx bosoreport` or `bosoreport `.
 *
 * A command is expected to exit 0. A documented non-zero exit is a trailing comment that says so:
 *   npx bosoreport validate rapporter/   # exit 1: the example report has an error
 */
export interface DocCommand {
  doc: string;
  /** 1-based line in the document, for the failure message. */
  line: number;
  /** The command as written, without its trailing comment or help description. */
  text: string;
  /** A line of a ```sh block is a step of a walk, run in order with the ones before it in the same document; a help example stands alone. */
  kind: 'walk' | 'example';
  /** Index of the code block in its document: a walk's `cd` lasts to the end of its block. */
  block: number;
  exit: number;
}

/** README.md and every docs/*.md: what a user reads and copies from. */
export function docFiles(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

const SHELL = new Set(['sh', 'bash', 'shell', 'console']);
/** Code blocks that hold data or code, never commands. */
const DATA = new Set(['yaml', 'yml', 'json', 'js', 'mjs', 'ts', 'hbs', 'html', 'css', 'csv', 'xml']);
const BOSOREPORT_LINE = /^\s*(?:\$ )?((?:npx )?bosoreport(?: .*)?)$/;

export function extractCommands(doc: string, text: string): DocCommand[] {
  const found: DocCommand[] = [];
  const lines = text.split('\n');
  let fence: string | undefined;
  let block = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = /^\s*```\s*([\w-]*)/.exec(line);
    if (open && fence === undefined) {
      fence = open[1]!.toLowerCase();
      block++;
      continue;
    }
    if (/^\s*```\s*$/.test(line) && fence !== undefined) {
      fence = undefined;
      continue;
    }
    if (fence === undefined || DATA.has(fence)) continue;
    if (SHELL.has(fence)) {
      let command = line.trim().replace(/^\$ /, '');
      // A comment line shows output or explains; it is not typed.
      if (!command || command.startsWith('#')) continue;
      const start = i + 1;
      while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1)} ${lines[++i]!.trim()}`;
      const { code, comment } = splitComment(command);
      found.push({ doc, line: start, text: code, kind: 'walk', block, exit: exitIn(comment) });
      continue;
    }
    const m = BOSOREPORT_LINE.exec(line);
    if (!m) continue;
    // In a help text, what follows two or more spaces describes the example.
    const [code, ...described] = m[1]!.split(/ {2,}/);
    found.push({ doc, line: i + 1, text: code!.trim(), kind: 'example', block, exit: exitIn(described.join(' ')) });
  }
  return found;
}

function exitIn(comment: string): number {
  const m = /\bexit (\d+)\b/i.exec(comment);
  return m ? Number(m[1]) : 0;
}

/** The command and its trailing `# comment`: a # that starts a word outside quotes. */
export function splitComment(line: string): { code: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return { code: line.slice(0, i).trim(), comment: line.slice(i + 1).trim() };
  }
  return { code: line.trim(), comment: '' };
}

export interface Step {
  argv: string[];
  redirect?: { file: string; append: boolean };
}

/**
 * The steps of a command line (split at `&&`), each as its words, the way sh reads the little
 * these docs use: quotes, `$VAR` and `"$VAR"`, and `>`/`>>` into a file.
 */
export function parseLine(line: string, env: Record<string, string>): Step[] {
  const steps: Step[] = [];
  let step: Step = { argv: [] };
  let word: string | undefined;
  let quote: string | undefined;
  let redirect: boolean | undefined;
  const end = () => {
    if (word === undefined) return;
    if (redirect !== undefined) step.redirect = { file: word, append: redirect };
    else step.argv.push(word);
    word = undefined;
    redirect = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (c === '$' && /[A-Za-z_]/.test(line[i + 1] ?? '')) {
      const name = /^[A-Za-z_]\w*/.exec(line.slice(i + 1))![0];
      word = (word ?? '') + (env[name] ?? '');
      i += name.length;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) end();
    else if (c === '&' && line[i + 1] === '&') {
      end();
      steps.push(step);
      step = { argv: [] };
      i++;
    } else if (c === '>') {
      end();
      redirect = line[i + 1] === '>';
      if (redirect) i++;
    } else word = (word ?? '') + c;
  }
  end();
  steps.push(step);
  return steps.filter((s) => s.argv.length > 0);
}

/**
 * Words the help uses for «any report» or «your folder»: the test puts a real one in their place.
 * Everything else a command names is in the sandbox (see sandbox.ts).
 */
export const PLACEHOLDERS: Record<string, string> = {
  FILE: 'rapporter/gjovik/2012-aarsrapport.yaml',
};

export function withPlaceholders(argv: string[]): string[] {
  return argv.map((a) => PLACEHOLDERS[a] ?? a);
}

/** Commands that are not bosoreport's, and why the docs test does not run them. Anything else fails the test, so a new one gets a reason here. */
export const NOT_RUN: { pattern: RegExp; reason: string }[] = [
  { pattern: /^npm ci\b/, reason: "installs this repository's dependencies: every test run starts from it (.ci/run)" },
  {
    pattern: /^npm (test|run (build|test:fast|test:e2e|test:package|docs|format|bench|lint|typecheck|examples))\b/,
    reason: 'an npm script of this repository: CI runs npm test and npm run test:package',
  },
  { pattern: /^npm install --save-dev \S+\.tgz$/, reason: 'installing the tarball: test/package/install.e2e.ts packs and installs it' },
  { pattern: /^npm install .*git\+/, reason: 'needs the network and a published repository' },
  { pattern: /^git clone\b/, reason: 'needs the network and a published repository' },
];

export function notRunReason(text: string): string | undefined {
  return NOT_RUN.find((n) => n.pattern.test(text))?.reason;
}

/** A command bosoreport cannot complete without a browser: PDF output and `doctor`. */
export function needsBrowser(argv: string[]): boolean {
  const i = argv.findIndex((a) => a === '-o' || a === '--output');
  return argv.includes('--pdf') || (i >= 0 && /\.pdf$/i.test(argv[i + 1] ?? '')) || argv[0] === 'doctor';
}

export function readDoc(doc: string): string {
  return readFileSync(path.join(ROOT, doc), 'utf8');
}
