import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/cross/catalog.js';
import { FORMS } from '../helpers.js';

describe('every rule', () => {
  const catalog = ruleCatalog(FORMS);

  it('has a unique id and a unique code: E… only for errors, W… only for warnings (X… across reports)', () => {
    const ids = catalog.map((e) => e.rule.id);
    const codes = catalog.map((e) => e.rule.code);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { rule, forms } of catalog) {
      expect(rule.code, rule.id).toMatch(forms.length ? /^[EW]\d+$/ : /^X\d+$/);
      if (forms.length) expect(rule.severity, rule.id).toBe(rule.code.startsWith('E') ? 'error' : 'warning');
    }
  });

  it('speaks both languages in its own file: a message, a line for the rule list, and a hint where it has one in either', () => {
    for (const { rule } of catalog) {
      for (const lang of ['nb', 'en'] as const) {
        expect(rule.messages[lang].message({}), rule.id).not.toBe('');
        expect(rule.messages[lang].about.length, rule.id).toBeGreaterThan(10);
      }
      expect(Boolean(rule.messages.nb.hint), rule.id).toBe(Boolean(rule.messages.en.hint));
    }
  });
});
