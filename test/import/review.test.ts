import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftText } from '../../src/import/draft.js';
import { identifyText, importableForms, importText } from '../../src/import/index.js';
import { pagesOfText } from '../../src/import/source.js';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, exampleText, FORMS, GJOVIK, ROOT, visibleText } from '../helpers.js';

const text = pagesOfText(readFileSync(path.join(ROOT, 'test/fixtures/import/gjovik-aarsrapport-2012.txt'), 'utf8'));
const chosen = identifyText(text, importableForms(FORMS.forms)).chosen!;
const result = importText(text, chosen);
const draft = draftText(result, { source: 'gjovik.txt', schemaRef: 'x.json', checkCommand: 'npx bosoreport validate x.yaml', why: 'test', kommune: 'Gjøvik', aar: 2012 });

describe('reviewing an imported draft', () => {
  it("the working copy lists every imported value with the field's title and where it was found", () => {
    const r = check(draft, 'nb');
    expect(r.schemaValid).toBe(true);
    const page = visibleText(renderHtml(r, loadTemplates())).replace(/\s+/g, ' ');
    expect(page).toContain('Lest inn fra kilden');
    expect(page).toContain('Rapporteringsdato 18. februar 2013 side 2: «18.02.2013»; i kilden: 18.02.2013');
    expect(page).toContain('Rapporteringsår 2012 side 2');
    expect(page).toMatch(/› B\. Antall husstander med fare for å miste boligen › Status behov pr\. 31\.12 11 side 3: «B\. Antall husstander/);
    const rows = renderHtml(r, loadTemplates())
      .match(/<section class="innlest">[\s\S]*?<\/section>/)![0]
      .match(/<tr><td>/g)!;
    expect(rows).toHaveLength(result.values.length);
  });

  it('the Husbanken copy and a report written by hand have no such list', () => {
    expect(renderHtml(check(draft, 'nb'), loadTemplates(), { kopi: 'husbanken' })).not.toContain('Lest inn fra kilden');
    expect(renderHtml(check(exampleText(GJOVIK), 'nb'), loadTemplates())).not.toContain('Lest inn fra kilden');
  });
});
