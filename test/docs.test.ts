import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_KEYS, FIELD_KEYS, FORM_YAML_KEYS } from '../src/forms/form-yaml.js';
import { loadSchemas } from '../src/schema/store.js';
import { ROOT } from './helpers.js';

describe('docs/forms.md', () => {
  const doc = readFileSync(path.join(ROOT, 'docs/forms.md'), 'utf8');

  it('explains every field form.yaml takes', () => {
    for (const key of [...FORM_YAML_KEYS, ...FIELD_KEYS, ...FACT_KEYS]) expect(doc, key).toContain(`\`${key}\``);
  });

  it('names every shared definition, partial and helper a form may use', () => {
    for (const name of Object.keys(loadSchemas().get('felles.schema.json')!.$defs as object)) expect(doc, name).toContain(`\`${name}\``);
    for (const file of readdirSync(path.join(ROOT, 'templates/partials'))) expect(doc, file).toContain(`\`${file.replace(/\.hbs$/, '')}\``);
    const helpers = [...readFileSync(path.join(ROOT, 'src/render/templates.ts'), 'utf8').matchAll(/registerHelper\('([a-zA-Z0-9]+)'/g)].map((m) => m[1]!);
    expect(helpers.length).toBeGreaterThan(10);
    for (const name of helpers) expect(doc, name).toContain(`\`${name}\``);
  });

  it('links only to files in the repository', () => {
    const links = [...doc.matchAll(/\]\((?!https?:)([^)#]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(existsSync(path.resolve(ROOT, 'docs', link)), link).toBe(true);
  });
});
