import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/render/templates.js';
import { renderHtml } from '../../src/render/html.js';
import { check, exampleDoc, exampleText, GJOVIK, LILLEHAMMER, runCli, tempTree, visibleText } from '../helpers.js';

function html(text: string): string {
  const r = check(text, 'nb');
  expect(r.schemaValid).toBe(true);
  return renderHtml(r, loadTemplates());
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '</style><style>body{display:none}</style>',
  '{{constructor.constructor "alert(1)"}}',
  '[klikk](javascript:alert(1))',
  '<img src="http://example.org/spy.png">',
  '![bilde](http://example.org/spy.png)',
  '</script><script>alert(2)</script>',
].join('\n\n');

describe('HTML', () => {
  const gjovik = html(exampleText(GJOVIK));
  const lillehammer = html(exampleText(LILLEHAMMER));

  it('is a Norwegian document with a real title, headings in order and table headers', () => {
    for (const page of [gjovik, lillehammer]) {
      expect(page).toMatch(/^<!doctype html>\s*<html lang="nb">/);
      const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
      expect(page).toContain('<th scope="col"');
      expect(page).toContain('<caption');
    }
    expect(gjovik).toContain('<title>Årsrapport 2012 – Gjøvik kommune</title>');
    expect(lillehammer).toContain('<title>Halvårsrapport 2011 – Lillehammer kommune</title>');
  });

  it('references nothing outside itself: no external stylesheet, image, font or script', () => {
    for (const page of [gjovik, lillehammer]) {
      expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
      expect(page).not.toMatch(/\bsrc=/i);
      // The embedded font is the one url(), and it is data inside the page.
      expect(page).not.toMatch(/url\((?!data:font\/woff2;base64,)/i);
      expect(page.match(/@font-face/g)).toHaveLength(4);
      expect(page).not.toMatch(/@import/i);
      expect(page).not.toMatch(/<script(?![^>]*type="application\/json")/i);
    }
  });

  it('embeds the compute JSON, which parses back to the report and its figures', () => {
    const m = /<script type="application\/json" id="bosoreport-data">([\s\S]*?)<\/script>/.exec(gjovik);
    const data = JSON.parse(m![1]!);
    expect(data.skjema.id).toBe('aarsrapport-2012');
    expect(data.beregnet.behovstabeller['/hovedmaal/anskaffe_og_beholde_bolig'].sum.endring).toBe(-15);
    expect(data.rapport.generell_programinformasjon.kommune).toBe('Gjøvik');
  });

  it('marks computed figures and shows unknowns as unknown', () => {
    expect(gjovik).toMatch(/class="tall beregnet">−15</);
    expect(gjovik).toContain('<span class="ukjent">ukjent</span>');
    expect(gjovik).toMatch(/38,4\u00a0%/);
  });

  it('renders hostile user text as text: no markup, no script, no template code, no remote image', () => {
    const doc = exampleDoc(GJOVIK);
    doc.setIn(['delmaal_a', 'a1_kunnskap_om_boligbehov'], HOSTILE);
    doc.setIn(['generell_programinformasjon', 'programleder'], '<b>Ola</b> {{this}}');
    doc.setIn(['generell_programinformasjon', 'kommune'], 'Gjøvik"; } body { display:none } /*');
    const page = html(doc.toString());
    expect(page).not.toMatch(/<script>/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toMatch(/<style>body/i);
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('{{constructor.constructor');
    expect(page).toContain('&lt;b&gt;Ola&lt;/b&gt; {{this}}');
    // The municipality's name goes into a CSS string in the page margin; it cannot end that string.
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(style).not.toContain('display:none');
    expect(style).toContain('Gjøvik\\22 ');
    // Only one <style> and one data <script>, both ours.
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    const m = /<script type="application\/json" id="bosoreport-data">([\s\S]*?)<\/script>/.exec(page);
    expect(JSON.parse(m![1]!).rapport.delmaal_a.a1_kunnskap_om_boligbehov).toBe(HOSTILE);
  });

  it('turns paragraphs and bullet lines of free text into paragraphs and lists', () => {
    expect(gjovik).toMatch(/<ul>\s*<li>Husbanken kunne hatt en mer aktiv rolle/);
    expect(lillehammer).toContain('<p>Overordnet prinsipp: Kommunal bolig til vanskeligstilte');
  });
});

describe('render --template-dir', () => {
  it('replaces a partial and the stylesheet by name', () => {
    const t = tempTree({
      'g.yaml': exampleText(GJOVIK),
      'mine/style.css': 'body { color: #123456; }',
      'mine/partials/slutt.hbs': '<footer>Gjøvik kommunes egen bunntekst</footer>',
    });
    try {
      const r = runCli(['render', 'g.yaml', '--template-dir', 'mine'], { cwd: t.dir });
      expect(r.status).toBe(0);
      const page = readFileSync(path.join(t.dir, 'out/g.html'), 'utf8');
      expect(page).toContain('color: #123456');
      expect(page).not.toContain('--blaa');
      expect(page).toContain('Gjøvik kommunes egen bunntekst');
    } finally {
      t.cleanup();
    }
  });

  it('names a broken template, and a missing folder, with exit 2 and nothing written', () => {
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK), 'mine/partials/slutt.hbs': '{{#if x}}never closed' });
    try {
      const broken = runCli(['render', 'g.yaml', '--template-dir', 'mine'], { cwd: t.dir });
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(/Template .*mine\/partials\/slutt\.hbs is broken/);
      expect(broken.stderr).not.toMatch(/\n\s+at /);
      const missing = runCli(['render', 'g.yaml', '--template-dir', 'nowhere'], { cwd: t.dir });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/The template folder .*nowhere does not exist/);
      expect(existsSync(path.join(t.dir, 'out'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('blocks every request while printing: a local server sees no hit, and the user is told', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const t = tempTree({
      'g.yaml': exampleText(GJOVIK),
      'mine/partials/slutt.hbs': `<img src="http://127.0.0.1:${port}/spy.png" alt=""><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css">`,
    });
    try {
      const { spawn } = await import('node:child_process');
      const { BIN } = await import('../helpers.js');
      const child = spawn(process.execPath, [BIN, 'render', 'g.yaml', '--pdf', '--template-dir', 'mine'], {
        cwd: t.dir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C' },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(hits).toBe(0);
      expect(status).toBe(0);
      expect(out).toContain(`The report tried to fetch http://127.0.0.1:${port}/spy.png; the request was stopped`);
      expect(existsSync(path.join(t.dir, 'out/g.pdf'))).toBe(true);
    } finally {
      server.close();
      t.cleanup();
    }
  }, 60_000);
});

describe('the bostøtte cell with two values', () => {
  it('may wrap between its labels and numbers instead of running into the comment column', async () => {
    const { check: validate, exampleText: text, GJOVIK: file } = await import('../helpers.js');
    const { renderHtml: render } = await import('../../src/render/html.js');
    const { loadTemplates: templatesFor } = await import('../../src/render/templates.js');
    const html = render(validate(text(file), 'nb'), templatesFor());
    const cell = /<td class="tall to-verdier">(.*?)<\/td>/s.exec(html)?.[1] ?? '';
    expect(cell).toContain('<span class="maaned">Januar 2012:</span> <span class="verdi">1');
    expect(cell).toContain('<span class="maaned">Desember 2012:</span>');
    expect(html).toMatch(/td\.tall\.to-verdier \{ white-space: normal; \}/);
  });
});

describe("the need table's chart over a programme period", () => {
  it('names each bar by its own date: the start of the programme and the end of its last year', () => {
    const result = check(exampleText('examples/eksempelvik-sluttrapport-2014.yaml'), 'nb');
    const html = renderHtml(result, loadTemplates());
    expect(html).toContain('Status behov pr. 01.01.2009');
    expect(html).toContain('pr. 31.12.2014');
    expect(html).not.toContain('31.12.2009');
  });
});

describe('what the reviewer of the printed examples found', () => {
  const templates = loadTemplates();
  const page = (text: string, kopi: 'husbanken' | 'arbeidskopi') => renderHtml(check(text, 'nb'), templates, { kopi });

  it('a question of the form left without an answer says «ikke besvart» in the working copy, and is empty in the Husbanken copy', () => {
    const doc = exampleDoc('examples/eksempelvik-program-og-aktivitetsplan-2012.yaml');
    doc.deleteIn(['del1_programplan', 'innledning', 'bakgrunn']);
    const section = (html: string) => visibleText(/<h4>Bakgrunn<\/h4>([\s\S]*?)<\/div>/.exec(html)![1]!).trim();
    expect(section(page(doc.toString(), 'arbeidskopi'))).toBe('ikke besvart');
    expect(section(page(doc.toString(), 'husbanken'))).toBe('');
  });

  it('keeps a number and its «%» on one line in the page, and leaves the report’s text as written', () => {
    const html = page(exampleText(LILLEHAMMER), 'arbeidskopi');
    const [shown, data] = html.split('<script type="application/json"');
    expect(shown).toContain('oppgaver (50\u00a0%) foreløpig');
    expect(shown).not.toMatch(/\d %/);
    expect(data).toContain('oppgaver (50 %) foreløpig');
  });

  it('shows a free report’s header field written null, as it shows the other null fields: «ukjent» in the working copy, empty on the form', () => {
    const row = (html: string) => visibleText(/<th scope="row">Programleder<\/th><td>([\s\S]*?)<\/td>/.exec(html)![1]!).trim();
    const larvik = exampleText('examples/larvik-aarsrapport-2011.yaml');
    expect(row(page(larvik, 'arbeidskopi'))).toBe('ukjent');
    expect(row(page(larvik, 'husbanken'))).toBe('');
  });

  it('nests quotation marks the Norwegian way: «… "Formalia" (2011)»', () => {
    const text = visibleText(page(exampleText('examples/drammen-aarsrapport-2011.yaml'), 'arbeidskopi'));
    expect(text).toContain('Skjemaet «Region sør – års- og halvårsrapport med "Formalia" (2011)» er en foreløpig modell');
  });

  it('wraps a long activity name in the progress chart instead of cutting it mid-word', () => {
    const chart = /<svg class="diagram diagram-bred"[\s\S]*?<\/svg>/.exec(page(exampleText(LILLEHAMMER), 'arbeidskopi').split('Tillegg fra bosoreport')[1]!)![0];
    const label = [...chart.matchAll(/<text x="0"[^>]*class="etikett">([\s\S]*?)<\/text>/g)].find((m) => m[1]!.includes('boligsosial strategi'))![1]!;
    expect(visibleText(label.replace(/<\/tspan>/g, ' ')).trim()).toBe('2 Utarbeide overordnet, boligsosial strategi');
    expect(chart).not.toMatch(/strat…/);
  });
});
