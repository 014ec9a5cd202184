import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';
import type HandlebarsModule from 'handlebars';
import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { formatChange, formatDate, formatInteger, formatPercent, formatShortDate } from '../format/norwegian.js';
import type { Form } from '../forms/types.js';
import { LIMITS } from '../load/limits.js';
import { readReportFile } from '../load/read.js';
import { STATUS_LABELS } from '../parts/activities.js';
import { escapeHtml } from '../util/escape.js';
import { embedFonts } from './fonts.js';
import { renderMarkdown } from './markdown.js';

type Hbs = typeof HandlebarsModule;
type Spec = Parameters<Hbs['template']>[0];
const load = createRequire(import.meta.url);
// The runtime alone (about half the module loading of the whole package): a template compiled at
// build time needs no compiler. The compiler is loaded only for a template that was not (below).
const Handlebars = load('handlebars/runtime') as Hbs;

/** A template compiled by the build: Handlebars' spec and the partials it names. */
export interface PrecompiledTemplate {
  uses: string[];
  spec: object;
}
/** dist/render/templates.compiled.cjs (src/build/templates.ts): every template bosoreport ships, by `templateKey`. */
export interface PrecompiledTemplates {
  compiler: number;
  templates: Record<string, PrecompiledTemplate>;
}

/** What a compiled template is found by: its text, so any file with exactly that text (a copy in a template folder too) uses it. */
export function templateKey(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

let precompiled: PrecompiledTemplates | null | undefined;
function precompiledFor(source: string): PrecompiledTemplate | undefined {
  if (precompiled === undefined) {
    try {
      // The same path from dist/render/ and from the bundle in dist/cli/.
      const mod = load('../render/templates.compiled.cjs') as PrecompiledTemplates;
      // Made by another Handlebars than the one installed: compile at run time instead.
      precompiled = mod.compiler === (Handlebars as Hbs & { COMPILER_REVISION: number }).COMPILER_REVISION ? mod : null;
    } catch {
      precompiled = null; // running from source, or not built
    }
  }
  return precompiled?.templates[templateKey(source)];
}

/** A template's spec as the build writes it (a JavaScript object literal), and the partials it names. */
export function precompileTemplate(source: string): { spec: string; uses: string[] } {
  const compiler = load('handlebars') as Hbs;
  // One parse: syntax errors surface here, and the tree names the partials used.
  const ast = compiler.parse(source);
  return { spec: compiler.precompile(ast, { noEscape: false }) as string, uses: partialNames(ast) };
}

/** What bosoreport ships besides the forms' own templates: shared partials and one stylesheet. */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateSet {
  /** Renders the report template of a form to HTML. */
  render(form: Form, view: object): string;
  /** Compiles the forms' templates now, so a broken one or a missing partial stops the run before any file is written. */
  prepare(forms: readonly Form[]): void;
}

/** The partials a template names with `{{> name}}`, found in its syntax tree. */
function partialNames(ast: unknown): string[] {
  const names: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { type?: string; original?: unknown } };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression' && typeof n.name.original === 'string')
      names.push(n.name.original);
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast);
  return names;
}

/** A compiled template and the partials it names, so a missing one is found before anything renders. */
interface Compiled {
  file: string;
  template: HandlebarsModule.TemplateDelegate;
  uses: string[];
}

function checkPartials(compiled: readonly Compiled[], known: ReadonlySet<string>): void {
  for (const { file, uses } of compiled) {
    const missing = uses.find((name) => !known.has(name));
    if (missing) throw new BosoreportError(`Template ${file} uses the partial "${missing}", which does not exist (known: ${[...known].sort().join(', ')}).`, EXIT_USAGE);
  }
}

type HelperOptions = { data?: { root?: { kopi?: string; rapport?: unknown } } };

/** The report's language, for the words bosoreport adds to the working copy: «nn» from its `spraak`, else bokmål. */
function reportLang(o: HelperOptions): 'nb' | 'nn' {
  const report = o.data?.root?.rapport as { spraak?: unknown } | null | undefined;
  return report?.spraak === 'nn' ? 'nn' : 'nb';
}

/** The answers' language when it is not the form's bokmål: «nn» from the report's `spraak`. */
function answerLang(o: HelperOptions): 'nn' | undefined {
  return reportLang(o) === 'nn' ? 'nn' : undefined;
}

/**
 * bosoreport's word for a value that is not there, in the working copy: «ukjent» for a figure written
 * as unknown (null), «ikke besvart» for an answer left out, in the report's language. The copy for
 * Husbanken shows either as the paper form does, as an empty cell: decided here, once, from the
 * page's own `kopi`, so no template (a repository's included) can print bosoreport's word into that copy.
 */
const MISSING = {
  ukjent: { nb: 'ukjent', nn: 'ukjend' },
  ubesvart: { nb: 'ikke besvart', nn: 'ikkje svara' },
} as const;
const missing = (kind: keyof typeof MISSING, o: HelperOptions) => {
  if (o.data?.root?.kopi === 'husbanken') return '';
  const lang = reportLang(o);
  return new Handlebars.SafeString(`<span class="ukjent${kind === 'ubesvart' ? ' ubesvart' : ''}"${lang === 'nn' ? ' lang="nn"' : ''}>${MISSING[kind][lang]}</span>`);
};
const unknown = (o: HelperOptions) => missing('ukjent', o);
const unanswered = (o: HelperOptions) => missing('ubesvart', o);

/** What cssString leaves as it is. One object: a literal in the arrow was a new RegExp per character, 4 ms a report. */
const CSS_PLAIN = /[\p{L}\p{N} .,–-]/u;

/** A CSS string literal that cannot end early: everything but letters, digits and spaces is escaped. */
export function cssString(text: string): string {
  return `"${[...text].map((ch) => (CSS_PLAIN.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

/**
 * The space between a number and «%» («50 %») as a no-break space, in the HTML only: a line never
 * starts with the «%» of the number before it. The report's text is left as written.
 */
const keepPercent = (html: string) => html.replace(/(\d) %/g, '$1\u00a0%');

function registerHelpers(hb: Hbs): void {
  hb.registerHelper('tall', (v: unknown, o: HelperOptions) => (typeof v === 'number' ? formatInteger(v) : v === null ? unknown(o) : ''));
  hb.registerHelper('endring', (v: unknown, o: HelperOptions) => (typeof v === 'number' ? formatChange(v) : v === null ? unknown(o) : ''));
  hb.registerHelper('prosent', (v: unknown, o: HelperOptions) => (typeof v === 'number' ? formatPercent(v) : unknown(o)));
  hb.registerHelper('dato', (v: unknown) => (typeof v === 'string' ? formatDate(v) : ''));
  hb.registerHelper('kortdato', (v: unknown) => (typeof v === 'string' ? formatShortDate(v) : ''));
  // «31.08» from a date: the day and month a deadline recurs on.
  hb.registerHelper('dagmaaned', (v: unknown) => (typeof v === 'string' ? formatShortDate(v).slice(0, 5) : ''));
  hb.registerHelper('dager', (v: unknown, o: HelperOptions) =>
    typeof v === 'number' ? `${formatInteger(v)} ${Math.abs(v) === 1 ? 'dag' : reportLang(o) === 'nn' ? 'dagar' : 'dager'}` : '',
  );
  // A figure the form asks for: «ukjent» when written null, «ikke besvart» when left out (working copy only).
  hb.registerHelper('svartall', (v: unknown, o: HelperOptions) => (typeof v === 'number' ? formatInteger(v) : v === null ? unknown(o) : unanswered(o)));
  // The municipality's answers in the language it wrote them in (spraak: nn), marked so screen
  // readers and the PDF's structure read them so; the form's own text stays bokmål (html lang="nb").
  // A text answer written null is «ikke besvart» in the working copy; so is one left out or blank
  // under a question of the form (sporsmal=true), where an empty space would read as a page fault.
  hb.registerHelper('md', (v: unknown, o: HelperOptions & { hash?: { sporsmal?: boolean } }) => {
    if (v === null) return unanswered(o);
    if (o.hash?.sporsmal && (typeof v !== 'string' || v.trim() === '')) return unanswered(o);
    const html = typeof v === 'string' ? keepPercent(renderMarkdown(v)) : '';
    const lang = answerLang(o);
    return new Handlebars.SafeString(lang && html ? `<div lang="${lang}">${html}</div>` : html);
  });
  hb.registerHelper('svartekst', (v: unknown, o: HelperOptions) => {
    if (v === null) return unanswered(o);
    const text = keepPercent(Handlebars.escapeExpression(typeof v === 'string' ? v : ''));
    const lang = answerLang(o);
    return new Handlebars.SafeString(lang && text ? `<span lang="${lang}">${text}</span>` : text);
  });
  // The words bosoreport adds to the working copy, in the report's language: {{#nn}}nynorsk{{else}}bokmål{{/nn}}
  // around a run of inline text (the nynorsk marked lang="nn"); (spraak) where markup cannot be
  // marked (a CSS string); {{ukjent}} for a value bosoreport cannot tell.
  hb.registerHelper('nn', function (this: unknown, o: HelperOptions & HandlebarsModule.HelperOptions) {
    return reportLang(o) === 'nn' ? new Handlebars.SafeString(`<span lang="nn">${o.fn(this)}</span>`) : o.inverse(this);
  });
  hb.registerHelper('spraak', (o: HelperOptions) => reportLang(o));
  hb.registerHelper('ukjent', (o: HelperOptions) => unknown(o));
  // A finding's message or hint, escaped, a number's «%» kept on its line.
  hb.registerHelper('melding', (v: unknown) => new Handlebars.SafeString(keepPercent(Handlebars.escapeExpression(String(v ?? '')))));
  // A name in «»; quotation marks inside it become "…", as Norwegian nests them («… "Formalia" (2011)»).
  hb.registerHelper('sitat', (v: unknown) => `«${String(v ?? '').replace(/«([^«»]*)»/g, '"$1"')}»`);
  // A field of the form's header table: its value (a date the Norwegian way with dato=true), or the
  // one word for a field left empty, written null or not written at all.
  hb.registerHelper('felt', (v: unknown, o: HelperOptions & { hash?: { dato?: boolean } }) => {
    if (v === null || v === undefined || v === '') return unknown(o);
    if (o.hash?.dato && typeof v === 'string') return formatDate(v);
    const lang = answerLang(o);
    return lang ? new Handlebars.SafeString(`<span lang="${lang}">${Handlebars.escapeExpression(String(v))}</span>`) : String(v);
  });
  // A help text the form prints as bullet points, written as one string with « · » between them.
  hb.registerHelper('punkter', (v: unknown) => (typeof v === 'string' ? v.split(' · ') : []));
  hb.registerHelper('status', (v: unknown) => (typeof v === 'string' ? (STATUS_LABELS[v as keyof typeof STATUS_LABELS] ?? v) : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('upper', (v: unknown) => String(v ?? '').toLocaleUpperCase('nb-NO'));
  hb.registerHelper('add1', (n: unknown) => Number(n) + 1);
  hb.registerHelper('concat', (...args: unknown[]) =>
    args
      .slice(0, -1)
      .map((a) => String(a ?? ''))
      .join(''),
  );
  hb.registerHelper('isString', (v: unknown) => typeof v === 'string');
  hb.registerHelper('isNumber', (v: unknown) => typeof v === 'number');
  // Only web links are made clickable; anything else (javascript:, file:) becomes an inert anchor.
  hb.registerHelper('safeUrl', (v: unknown) => (typeof v === 'string' && /^https?:\/\//i.test(v) ? v : '#'));
  hb.registerHelper('css', (v: unknown) => new Handlebars.SafeString(cssString(String(v ?? ''))));
  hb.registerHelper('raw', (v: unknown) => new Handlebars.SafeString(String(v ?? '')));
  hb.registerHelper('escape', (v: unknown) => escapeHtml(String(v ?? '')));
}

function readTemplate(file: string): string {
  // Through the reader reports use: a pipe or device (a symlink to /dev/zero) is refused, not waited on or loaded.
  const read = readReportFile('/', file);
  if (read.kind === 'bytes') return Buffer.from(read.bytes).toString('utf8');
  const reason = read.kind === 'too-large' ? `${read.size} bytes, more than the limit of ${LIMITS.maxFileBytes}` : read.kind === 'missing' ? 'no such file' : read.reason;
  throw new BosoreportError(`Cannot read template ${file}: ${reason}`, EXIT_USAGE);
}

/**
 * Compiles now, so that a broken template is reported with its file name before any report is
 * rendered: from the build's spec when the text is one bosoreport ships, else with the compiler.
 */
function compile(hb: Hbs, file: string): Compiled {
  const source = readTemplate(file);
  const built = precompiledFor(source);
  if (built) return { file, template: hb.template(built.spec as Spec), uses: built.uses };
  try {
    const { spec, uses } = precompileTemplate(source);
    return { file, template: hb.template(runInThisContext(`(${spec})`) as Spec), uses };
  } catch (error) {
    throw new BosoreportError(`Template ${file} is broken: ${(error as Error).message.split('\n')[0]}`, EXIT_USAGE);
  }
}

/** Files in a template folder, by name: `<form>.hbs`, `partials/<name>.hbs`, `style.css`. */
function listTemplates(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) if (name.endsWith('.hbs') || name.endsWith('.css')) files.set(name, path.join(dir, name));
  const partials = path.join(dir, 'partials');
  if (existsSync(partials)) for (const name of readdirSync(partials)) if (name.endsWith('.hbs')) files.set(`partials/${name}`, path.join(partials, name));
  return files;
}

function registerPartials(hb: Hbs, compiled: Map<string, Compiled>): void {
  for (const [name, c] of compiled) hb.registerPartial(name, c.template);
}

/**
 * Loads the shared partials and stylesheet, with any file of the same name in `overrideDir` taking
 * its place (a municipality's own look, one partial or the stylesheet at a time); `<form id>.hbs`
 * there replaces that form's template. Each form's template (and partials of its own) is compiled
 * on first use, in a Handlebars environment of its own.
 */
export function loadTemplates(overrideDir?: string): TemplateSet {
  const files = listTemplates(TEMPLATE_DIR);
  if (overrideDir) {
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) {
      throw new BosoreportError(`The template folder ${overrideDir} does not exist.`, EXIT_USAGE);
    }
    for (const [name, file] of listTemplates(overrideDir)) files.set(name, file);
  }
  const css = readTemplate(files.get('style.css')!);
  if (/<\/style/i.test(css)) throw new BosoreportError(`The stylesheet ${files.get('style.css')} must not contain "</style".`, EXIT_USAGE);
  const shared = Handlebars.create();
  const sharedPartials = new Map<string, Compiled>();
  for (const [name, file] of files) if (name.startsWith('partials/')) sharedPartials.set(name.slice('partials/'.length, -'.hbs'.length), compile(shared, file));
  const forms = new Map<string, HandlebarsModule.TemplateDelegate>();
  const templateOf = (form: Form): HandlebarsModule.TemplateDelegate => {
    let template = forms.get(form.dir);
    if (template) return template;
    const hb = Handlebars.create();
    registerHelpers(hb);
    registerPartials(hb, sharedPartials);
    const own: Compiled[] = [];
    for (const name of form.partialsDir ? readdirSync(form.partialsDir) : []) {
      if (!name.endsWith('.hbs')) continue;
      const partial = compile(hb, path.join(form.partialsDir!, name));
      hb.registerPartial(name.slice(0, -'.hbs'.length), partial.template);
      own.push(partial);
    }
    const main = compile(hb, files.get(`${form.id}.hbs`) ?? form.templateFile);
    checkPartials([main, ...own], new Set(Object.keys(hb.partials)));
    template = main.template;
    forms.set(form.dir, template);
    return template;
  };
  checkPartials([...sharedPartials.values()], new Set(sharedPartials.keys()));
  return {
    prepare(list) {
      for (const form of list) templateOf(form);
    },
    render(form, view) {
      const template = templateOf(form);
      try {
        return embedFonts(template({ ...view, stilark: css }, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }));
      } catch (error) {
        throw new BosoreportError(`Template for ${form.id} failed: ${(error as Error).message.split('\n')[0]}`, EXIT_USAGE);
      }
    },
  };
}
