import { describe, expect, it } from 'vitest';
import { applyBaseline, countFindings, nextBaseline, type Baseline } from '../../src/baseline/baseline.js';
import type { Diagnostic } from '../../src/diagnostics.js';

const d = (file: string, ruleId: string, severity: Diagnostic['severity'] = 'warning', line = 1): Diagnostic => ({
  file,
  line,
  col: 1,
  endLine: line,
  endCol: 2,
  severity,
  ruleId,
  message: `${ruleId} at ${line}`,
});
const keyOf = (file: string) => file;
const everyFileExists = () => true;

describe('a baseline, applied', () => {
  const baseline: Baseline = { 'a.yaml': { 'negativt-resultat': { count: 2 }, 'ikke-utfylt': { count: 1 } } };

  it('hides what it accepts, errors too, and counts what it hid', () => {
    const files = [
      { file: 'a.yaml', diagnostics: [d('a.yaml', 'negativt-resultat', 'warning', 3), d('a.yaml', 'negativt-resultat', 'warning', 9), d('a.yaml', 'ikke-utfylt', 'error')] },
    ];
    const r = applyBaseline(files, baseline, keyOf, everyFileExists);
    expect(r.files[0]!.diagnostics).toEqual([]);
    expect(r.hidden).toEqual({ errors: 1, warnings: 2 });
    expect(r.loose).toEqual([]);
  });

  it('shows every finding of a rule once there are more than accepted: nothing tells the new one from the old', () => {
    const three = [3, 9, 20].map((line) => d('a.yaml', 'negativt-resultat', 'warning', line));
    const r = applyBaseline([{ file: 'a.yaml', diagnostics: three }], baseline, keyOf, everyFileExists);
    expect(r.files[0]!.diagnostics).toEqual(three);
    expect(r.hidden).toEqual({ errors: 0, warnings: 0 });
  });

  it('holds nothing for a new file or a new rule, and never run problems (a missing file)', () => {
    const files = [
      { file: 'b.yaml', diagnostics: [d('b.yaml', 'negativt-resultat')] },
      { file: 'a.yaml', diagnostics: [d('a.yaml', 'status-uten-prosent'), d('a.yaml', 'io/not-found', 'error')] },
    ];
    const r = applyBaseline(files, { ...baseline, 'a.yaml': { ...baseline['a.yaml'], 'io/not-found': { count: 1 } } }, keyOf, everyFileExists);
    expect(r.files.map((f) => f.diagnostics.map((x) => x.ruleId))).toEqual([['negativt-resultat'], ['status-uten-prosent', 'io/not-found']]);
  });

  it('says where it can be tightened: fewer findings than accepted, and files that are gone', () => {
    const files = [{ file: 'a.yaml', diagnostics: [d('a.yaml', 'negativt-resultat')] }];
    const r = applyBaseline(files, { ...baseline, 'gone.yaml': { 'ikke-utfylt': { count: 1 } } }, keyOf, (key) => key !== 'gone.yaml');
    expect(r.loose).toEqual([
      { file: 'a.yaml', ruleId: 'negativt-resultat', allowed: 2, found: 1 },
      { file: 'a.yaml', ruleId: 'ikke-utfylt', allowed: 1, found: 0 },
      { file: 'gone.yaml', ruleId: 'ikke-utfylt', allowed: 1, found: 0, gone: true },
    ]);
  });

  it('does not call a rule loose in a report whose rules could not run (a schema error stops them)', () => {
    const files = [{ file: 'a.yaml', diagnostics: [d('a.yaml', 'schema/type', 'error')] }];
    expect(applyBaseline(files, baseline, keyOf, everyFileExists).loose).toEqual([]);
  });
});

describe('the next baseline', () => {
  const old: Baseline = {
    'a.yaml': { 'negativt-resultat': { count: 3 } },
    'b.yaml': { 'forsidedato-avviker': { count: 1 } },
    'gone.yaml': { 'forsidedato-avviker': { count: 1 } },
  };
  const exists = (key: string) => key !== 'gone.yaml';

  it('takes what the checked files have now, keeps what was not checked, and drops files that are gone', () => {
    const counts = countFindings([{ file: 'a.yaml', diagnostics: [d('a.yaml', 'negativt-resultat'), d('a.yaml', 'ikke-utfylt', 'error')] }], keyOf);
    expect(nextBaseline(old, counts, new Set(['a.yaml']), exists, false)).toEqual({
      'a.yaml': { 'ikke-utfylt': { count: 1 }, 'negativt-resultat': { count: 1 } },
      'b.yaml': { 'forsidedato-avviker': { count: 1 } },
    });
  });

  it('with prune, only lowers: nothing new is accepted', () => {
    const counts = countFindings([{ file: 'a.yaml', diagnostics: [d('a.yaml', 'negativt-resultat'), d('a.yaml', 'ikke-utfylt', 'error')] }], keyOf);
    expect(nextBaseline(old, counts, new Set(['a.yaml', 'b.yaml']), exists, true)).toEqual({ 'a.yaml': { 'negativt-resultat': { count: 1 } } });
  });

  it('keeps the rules of a report whose rules could not run, so fixing its schema error does not bring old findings back as new', () => {
    const counts = countFindings([{ file: 'a.yaml', diagnostics: [d('a.yaml', 'schema/type', 'error')] }], keyOf);
    for (const prune of [false, true])
      expect(nextBaseline(old, counts, new Set(['a.yaml']), exists, prune)['a.yaml']).toEqual(
        prune ? { 'negativt-resultat': { count: 3 } } : { 'negativt-resultat': { count: 3 }, 'schema/type': { count: 1 } },
      );
  });

  it('writes files and rules in order, so the committed file changes only where the findings do', () => {
    const counts = countFindings(
      [
        { file: 'z.yaml', diagnostics: [d('z.yaml', 'b-rule'), d('z.yaml', 'a-rule')] },
        { file: 'm.yaml', diagnostics: [d('m.yaml', 'c-rule')] },
      ],
      keyOf,
    );
    const next = nextBaseline({}, counts, new Set(['z.yaml', 'm.yaml']), exists, false);
    expect(JSON.stringify(next)).toBe('{"m.yaml":{"c-rule":{"count":1}},"z.yaml":{"a-rule":{"count":1},"b-rule":{"count":1}}}');
  });
});
