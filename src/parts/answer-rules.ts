import { LastOne } from '../util/last-one.js';
import type { DataPath } from '../load/positions.js';
import type { Finding, Rule, RuleContext } from '../rules/types.js';
import { schemaAt } from '../schema/store.js';
import { isNotFilledIn } from './not-filled-in.js';

// «Not answered» is a value of its own: null (or an empty list) with its reason beside it. These
// rules hold every form, built in or from a repository, to that: a figure or answer left out is
// never a forgotten one, and the reason is never printed as the municipality's words.

type AnswerRule = Rule<unknown, unknown>;

/** A value left unanswered (null, or a list with nothing in it), where it stands. */
export interface Unanswered {
  path: DataPath;
  /** The objects around it, nearest first, to look for a `kommentar` or `merknad` that explains it. */
  owners: Record<string, unknown>[];
  emptyList: boolean;
}

const unansweredOf = new LastOne<object, Unanswered[]>();

/**
 * Every value left unanswered, found once per report (two rules and ikke-utfylt ask). Walks with one
 * path and one owner stack and copies them only at a find: nearly every value is answered.
 */
export function unanswered(data: unknown): Unanswered[] {
  const known = data !== null && typeof data === 'object' ? unansweredOf.get(data) : undefined;
  if (known) return known;
  const found: Unanswered[] = [];
  const path: (string | number)[] = [];
  const owners: Record<string, unknown>[] = [];
  const find = (emptyList: boolean) => found.push({ path: [...path], owners: owners.slice().reverse(), emptyList });
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64) return;
    if (value === null) find(false);
    else if (Array.isArray(value)) {
      if (value.length === 0 && path.length > 0) find(true);
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], depth + 1);
        path.pop();
      }
    } else if (typeof value === 'object') {
      owners.push(value as Record<string, unknown>);
      for (const k in value) {
        path.push(k);
        visit((value as Record<string, unknown>)[k], depth + 1);
        path.pop();
      }
      owners.pop();
    }
  };
  visit(data, 0);
  if (data !== null && typeof data === 'object') unansweredOf.set(data, found);
  return found;
}

/** An unanswered field of the form, as both rules see it: a figure or not, and whether its reason is there. */
interface Unexplained {
  path: DataPath;
  emptyList: boolean;
  figure: boolean;
}

/**
 * The form's fields left unanswered without their reason, found once per report for both rules. A
 * field has a title in the schema (an untitled list item, a free table's cell, is just empty). The
 * reason is a YAML comment on its line or right above it (not init's help, «Title: …»), or the row's
 * `kommentar` / the section's `merknad`: only the nearest object, and the one holding the list an
 * item is in (a breakdown's part: its row), count.
 */
const found = new LastOne<object, Unexplained[]>();
function unexplained(ctx: RuleContext<unknown, unknown>): Unexplained[] {
  const key = ctx.data as object;
  const known = found.get(key);
  if (known) return known;
  const out = unanswered(ctx.data).flatMap((u): Unexplained[] => {
    const node = schemaAt(ctx.form.schemaId, u.path);
    if (typeof node?.title !== 'string') return [];
    const comment = ctx.comment?.(u.path);
    // init's «fyll inn» is no reason: the value is not filled in yet, which ikke-utfylt says.
    if (isNotFilledIn(comment)) return [];
    if (comment && !comment.startsWith(`${node.title}:`)) return [];
    const inList = typeof u.path[u.path.length - 2] === 'number';
    if (u.owners.slice(0, inList ? 2 : 1).some((o) => ['kommentar', 'merknad'].some((k) => typeof o[k] === 'string' && (o[k] as string).trim() !== ''))) return [];
    const types = [node.type ?? []].flat();
    return [{ path: u.path, emptyList: u.emptyList, figure: (types.includes('integer') || types.includes('number')) && !types.includes('string') }];
  });
  if (key && typeof key === 'object') found.set(key, out);
  return out;
}

/** E1: an unknown figure needs its reason beside it, so a reader can tell «unknown» from a forgotten 0. */
export const ukjentUtenForklaring: AnswerRule = {
  id: 'ukjent-uten-forklaring',
  code: 'E1',
  severity: 'error',
  messages: {
    nb: {
      message: () => 'Tallet er ukjent (null), men det står ingen forklaring.',
      hint: () => 'Skriv hvorfor tallet mangler i «kommentar» på samme rad, eller i en kommentar på samme linje: null  # grunnen.',
      about: 'Et ukjent tall (null) skal ha en forklaring: i radens kommentar eller i en kommentar (#) ved tallet.',
    },
    nn: {
      message: () => 'Talet er ukjent (null), men det står inga forklaring.',
      hint: () => 'Skriv kvifor talet manglar, i «kommentar» på same rad, eller i ein kommentar på same linje: null  # grunnen.',
      about: 'Eit ukjent tal (null) skal ha ei forklaring: i kommentaren på rada eller i ein kommentar (#) ved talet.',
    },
    en: {
      message: () => 'The number is unknown (null), but no reason is given.',
      hint: () => 'Say why the number is missing in "kommentar" on the same row, or in a comment on the same line: null  # the reason.',
      about: "An unknown number (null) comes with a reason: in the row's comment or in a comment (#) beside it.",
    },
  },
  check: (ctx) =>
    unexplained(ctx)
      .filter((u) => !u.emptyList && u.figure)
      .map((u): Finding => ({ path: u.path })),
};

/** W20: an answer left out (null, or an empty list) says why, beside it; the form prints it empty. */
export const ubesvartUtenGrunn: AnswerRule = {
  id: 'ubesvart-uten-grunn',
  code: 'W20',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => (p.liste ? 'Lista er tom, men det står ikke hvorfor.' : 'Feltet er ikke besvart (null), men det står ikke hvorfor.'),
      hint: () => 'Skriv grunnen i en kommentar på samme linje, for eksempel: null  # Ikke besvart i rapporten. Svaret skal ikke diktes opp.',
      about: 'Et felt som ikke er besvart (null eller en tom liste) skal ha grunnen i en kommentar (#) ved verdien.',
    },
    nn: {
      message: (p) => (p.liste ? 'Lista er tom, men det står ikkje kvifor.' : 'Feltet er ikkje svart på (null), men det står ikkje kvifor.'),
      hint: () => 'Skriv grunnen i ein kommentar på same linje, til dømes: null  # Ikkje svart på i rapporten. Svaret skal ikkje diktast opp.',
      about: 'Eit felt som ikkje er svart på (null eller ei tom liste), skal ha grunnen i ein kommentar (#) ved verdien.',
    },
    en: {
      message: (p) => (p.liste ? 'The list is empty, but no reason is given.' : 'The field is not answered (null), but no reason is given.'),
      hint: () => 'Write the reason in a comment on the same line, for example: null  # Not answered in the report. Do not make up an answer.',
      about: 'A field that is not answered (null or an empty list) has its reason in a comment (#) beside the value.',
    },
  },
  check: (ctx) =>
    unexplained(ctx)
      .filter((u) => u.emptyList || !u.figure)
      .map((u): Finding => ({ path: u.path, params: { liste: u.emptyList ? 'ja' : '' } })),
};

/** Rules every form shares over values left unanswered. */
export const ANSWER_RULES: readonly Rule[] = [ukjentUtenForklaring, ubesvartUtenGrunn];
