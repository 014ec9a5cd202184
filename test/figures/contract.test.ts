import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDocument, COMPUTE_FORMAT } from '../../src/figures/contract.js';
import { formFigures } from '../../src/figures/forms.js';
import { computeSchema, computeSchemaText } from '../../src/figures/schema.js';
import { withRepositoryForms } from '../../src/forms/registry.js';
import { validatorFor } from '../../src/schema/ajv.js';
import { validateSource } from '../../src/validate/validate.js';
import { check, exampleText, FORMS, ROOT } from '../helpers.js';

const validate = validatorFor('beregning.schema.json');
const EXAMPLES = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `examples/${f}`);

/** What `compute --json` prints for a report: the document built from its check. */
function documentOf(file: string) {
  const r = check(exampleText(file), 'en', file);
  expect(r.schemaValid, file).toBe(true);
  return JSON.parse(JSON.stringify(computeDocument(r))) as Record<string, any>;
}

const errorsOf = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('schemas/beregning.schema.json', () => {
  it("is what the build writes from the forms (run `npm run build` after changing a form's figures)", () => {
    const committed = readFileSync(path.join(ROOT, 'schemas/beregning.schema.json'), 'utf8');
    expect(committed).toBe(computeSchemaText(formFigures(FORMS.forms)));
  });

  it('knows every built-in form, each strictly', () => {
    const schema = computeSchema(formFigures(FORMS.forms));
    const defs = schema.$defs as Record<string, { additionalProperties?: unknown }>;
    for (const form of FORMS.forms) expect(defs[`beregnet-${form.id}`]?.additionalProperties, form.id).toBe(false);
    expect(schema.properties!.format).toEqual({ title: 'Formatversjon', const: COMPUTE_FORMAT });
  });

  it("every example's document validates, one per built-in form", () => {
    const forms = new Set<string>();
    for (const file of EXAMPLES) {
      const doc = documentOf(file);
      expect(errorsOf(doc), file).toEqual([]);
      forms.add(doc.skjema.id);
    }
    expect([...forms].sort()).toEqual(FORMS.ids.sort());
  });

  it("the example repository form's document validates too (its own figures unchecked, the shared ones checked)", async () => {
    const dir = path.join(ROOT, 'examples/forms');
    const { registry, diagnostics } = await withRepositoryForms(
      [{ dir: path.join(dir, 'skjemaer/statusnotat-2013'), configFile: path.join(dir, '.bosoreport.yaml'), span: { line: 1, col: 1, endLine: 1, endCol: 1 } }],
      'en',
    );
    expect(diagnostics).toEqual([]);
    const file = 'examples/forms/eksempelvik-2013-statusnotat.yaml';
    const r = validateSource(file, new TextEncoder().encode(exampleText(file)), { lang: 'en', forms: registry });
    const doc = JSON.parse(JSON.stringify(computeDocument(r)));
    expect(errorsOf(doc)).toEqual([]);
    doc.beregnet.behovstabeller['/behov'].sum.endring = 'to';
    expect(errorsOf(doc).join('\n')).toContain('/beregnet/behovstabeller/~1behov/sum/endring');
  });

  it('a report that does not match its form has no figures, and its document validates', () => {
    const file = 'examples/gjovik-aarsrapport-2012.yaml';
    const r = check(exampleText(file).replace('nye_soknader: 302', 'nye_soknader: mange'), 'en', file);
    const doc = JSON.parse(JSON.stringify(computeDocument(r)));
    expect(doc.beregnet).toBeNull();
    expect(doc.skjema.id).toBe('aarsrapport-2012');
    expect(errorsOf(doc)).toEqual([]);
  });

  describe("fails a document whose figures are not the form's", () => {
    const cases: [string, string, (d: Record<string, any>) => void, string][] = [
      ['a count as text', 'examples/gjovik-aarsrapport-2012.yaml', (d) => (d.beregnet.behovstabeller['/hovedmaal/anskaffe_og_beholde_bolig'].sum.pr_0101 = '34'), '/sum/pr_0101'],
      ['an own figure of the wrong type', 'examples/gjovik-aarsrapport-2012.yaml', (d) => (d.beregnet.fastrenteandel.andel = 'høy'), '/beregnet/fastrenteandel/andel'],
      [
        'an extra figure',
        'examples/gjovik-aarsrapport-2012.yaml',
        (d) => (d.beregnet.behov = d.beregnet.behovstabeller['/hovedmaal/anskaffe_og_beholde_bolig']),
        'additional properties',
      ],
      ['a missing own figure', 'examples/gjovik-aarsrapport-2012.yaml', (d) => delete d.beregnet.tildelingsrate, 'tildelingsrate'],
      ['the need table missing where the schema requires it', 'examples/eksempelvik-sluttrapport-2014.yaml', (d) => delete d.beregnet.behovstabeller, 'behovstabeller'],
      ['a need table where the form has none', 'examples/lillehammer-halvaarsrapport-2011.yaml', (d) => (d.beregnet.behovstabeller = {}), 'additional properties'],
      [
        'an activity table under another pointer',
        'examples/lillehammer-halvaarsrapport-2011.yaml',
        (d) => (d.beregnet.aktivitetstabeller = { '/aktiviteter': d.beregnet.aktivitetstabeller['/aktivitetsplan/aktiviteter'] }),
        'additional properties',
      ],
      [
        'a status count as text',
        'examples/lillehammer-halvaarsrapport-2011.yaml',
        (d) => (d.beregnet.aktivitetstabeller['/aktivitetsplan/aktiviteter'].per_status.gjennomfort = 'seks'),
        'per_status/gjennomfort',
      ],
      ['a period without its deadline', 'examples/drammen-aarsrapport-2011.yaml', (d) => delete d.beregnet.periode.frist, 'frist'],
      ['an old format', 'examples/larvik-aarsrapport-2011.yaml', (d) => (d.format = 1), '/format'],
    ];
    it.each(cases)('%s', (_, file, change, says) => {
      const doc = documentOf(file);
      expect(errorsOf(doc)).toEqual([]);
      change(doc);
      expect(errorsOf(doc).join('\n')).toContain(says);
    });
  });
});
