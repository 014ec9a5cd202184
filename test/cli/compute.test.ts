import { describe, expect, it } from 'vitest';
import { validatorFor } from '../../src/schema/ajv.js';
import { exampleText, GJOVIK, LILLEHAMMER, runMain, tempTree } from '../helpers.js';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('bosoreport compute', () => {
  it('prints the Gjøvik figures in Norwegian number format', async () => {
    const r = await runMain(['compute', GJOVIK, '--lang', 'nb']);
    expect(r.status).toBe(0);
    const out = plain(r.stdout);
    expect(out).toMatch(/A\. Uten eid eller leid bolig\s+7\s+8\s+−1\s+−1/);
    expect(out).toMatch(/B\. Fare for å miste boligen\s+4\s+11\s+−7\s+−7/);
    expect(out).toMatch(/C\. Uegnet bolig\s+23\s+30\s+−7\s+−7/);
    expect(out).toMatch(/Sum A \+ B \+ C\s+34\s+49\s+−15/);
    expect(out).toContain('pr. 01.01.2012');
    expect(out).toContain('33 av 50 = 66 %');
    expect(out).toContain('116 av 302 = 38,4 %');
    expect(out).toContain('1 390 → 1 455 (+65)');
    expect(out).toContain('18. februar 2013 (10 dager før fristen)');
    // The warnings go to stderr, so the table can be piped.
    expect(r.stderr).toContain('negativt-resultat');
  });

  it('prints the Lillehammer activity summary', async () => {
    const r = await runMain(['compute', LILLEHAMMER, '--lang', 'nb']);
    expect(r.status).toBe(0);
    expect(plain(r.stdout)).toMatch(/Snitt av oppgitt framdrift \(12 av 17 rader oppgir prosent\)\s+65 %/);
    expect(r.stdout).toMatch(/Gjennomført\s+6/);
  });

  it('prints JSON in the documented shape, with the report, the figures and the warnings', async () => {
    const validate = validatorFor('beregning.schema.json');
    for (const file of [GJOVIK, LILLEHAMMER]) {
      const r = await runMain(['compute', file, '--json']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const json = JSON.parse(r.stdout);
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(json.fil).toBe(file);
    }
    const g = JSON.parse((await runMain(['compute', GJOVIK, '--json'])).stdout);
    expect(g.beregnet.behovstabeller['/hovedmaal/anskaffe_og_beholde_bolig'].sum.endring).toBe(-15);
    expect(g.rapport.delmaal_c.c1_okonomiske_virkemidler.overgang_fra_kommunal_til_eid_bolig.resultat).toBeNull();
    expect(g.diagnostikk.map((d: { ruleId: string }) => d.ruleId)).toContain('negativt-resultat');
  });

  it('prints no figures for a report that does not match its form, and exits 1', async () => {
    const t = tempTree({ 'bad.yaml': exampleText(GJOVIK).replace('nye_soknader: 302', 'nye_soknader: mange') });
    try {
      // (With --json it prints its JSON with no figures: see the test below.)
      const r = await runMain(['compute', 'bad.yaml'], { cwd: t.dir });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ {2}error {2}.*\(schema\/type\)/);
    } finally {
      t.cleanup();
    }
  });

  it('exits 1 when a rule finds an error, but still prints the figures', async () => {
    const t = tempTree({ 'r.yaml': exampleText(GJOVIK).replace('herav_med_fastrente: 33', 'herav_med_fastrente: 60') });
    try {
      const r = await runMain(['compute', 'r.yaml', '--lang', 'nb'], { cwd: t.dir });
      expect(r.status).toBe(1);
      // More with a fixed rate than purchases in all is an error, not a share above 100 %.
      expect(plain(r.stdout)).toContain('60 av 50 = ukjent');
      expect(r.stderr).toContain('fastrente-over-fullfinansierte');
    } finally {
      t.cleanup();
    }
  });
});

describe('rule configuration', () => {
  const report = exampleText(GJOVIK).replace('herav_med_fastrente: 33', 'herav_med_fastrente: 60');

  it('reads .bosoreport.yaml from the report folder or above, nearest first', async () => {
    const t = tempTree({
      '.bosoreport.yaml': 'regler:\n  negativt-resultat: off\n  fastrente-over-fullfinansierte: warn\n',
      'reports/gjovik/2012.yaml': report,
      'strict/.bosoreport.yaml': 'regler:\n  forsidedato-avviker: error\n',
      'strict/2012.yaml': exampleText(GJOVIK),
    });
    try {
      const r = await runMain(['validate', 'reports'], { cwd: t.dir });
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('negativt-resultat');
      expect(r.stdout).toMatch(/warning .*\(fastrente-over-fullfinansierte\)/);
      const strict = await runMain(['validate', 'strict'], { cwd: t.dir });
      expect(strict.status).toBe(1);
      expect(strict.stdout).toMatch(/strict\/2012\.yaml:\d+:\d+ {2}error {2}.*\(forsidedato-avviker\)/);
      // The nearest config wins: the root one does not apply under strict/.
      expect(strict.stdout).toContain('negativt-resultat');
    } finally {
      t.cleanup();
    }
  });

  it('lets --rule override the config', async () => {
    const t = tempTree({ '.bosoreport.yaml': 'regler:\n  fastrente-over-fullfinansierte: warn\n', 'r.yaml': report });
    try {
      expect((await runMain(['validate', 'r.yaml'], { cwd: t.dir })).status).toBe(0);
      expect((await runMain(['validate', '--rule', 'fastrente-over-fullfinansierte=error', 'r.yaml'], { cwd: t.dir })).status).toBe(1);
      const off = await runMain(['validate', '--rule', 'negativt-resultat=off', '--rule', 'forsidedato-avviker=off', 'r.yaml'], { cwd: t.dir });
      expect(off.stdout).not.toContain('negativt-resultat');
      expect(off.stdout).not.toContain('forsidedato-avviker');
    } finally {
      t.cleanup();
    }
  });

  it('refuses a misspelt rule or level in the config with its position, exit 2', async () => {
    const t = tempTree({ '.bosoreport.yaml': 'regler:\n  negativ-resultat: off\n  plassholder: maybe\n', 'r.yaml': exampleText(GJOVIK) });
    try {
      const r = await runMain(['validate', 'r.yaml'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('.bosoreport.yaml:2:3  error  Unknown rule "negativ-resultat".  (config/invalid)');
      expect(r.stdout).toContain('Did you mean "negativt-resultat"?');
      expect(r.stdout).toContain('.bosoreport.yaml:3:16  error  The rule "plassholder" has the level "maybe"; use off, warn or error.  (config/invalid)');
    } finally {
      t.cleanup();
    }
  });

  it('refuses a misspelt --rule with exit 2', async () => {
    const r = await runMain(['validate', '--rule', 'negativresultat=off', GJOVIK]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown rule "negativresultat" in --rule. Did you mean "negativt-resultat"?');
    expect((await runMain(['validate', '--rule', 'negativt-resultat', GJOVIK])).status).toBe(2);
    // A name that is no rule but a property of every object is refused like any other.
    const proto = await runMain(['validate', '--rule', '__proto__=off', GJOVIK]);
    expect(proto.status).toBe(2);
    expect(proto.stderr).toContain('Unknown rule "__proto__"');
  });

  it('lists the rules with their codes and default levels', async () => {
    const r = await runMain(['rules']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^fordeling-sum\s+E5\s+error\s+A breakdown/m);
    expect(r.stdout).toMatch(/^negativt-resultat\s+W2\s+warning/m);
  });
});

describe('compute --json on a report that does not match its form', () => {
  it('still prints JSON in the documented shape, with no figures and the problems in diagnostikk, exit 1', async () => {
    const { runMain, tempTree, exampleText } = await import('../helpers.js');
    const { validatorFor: schemaValidator } = await import('../../src/schema/ajv.js');
    const t = tempTree({ 'r.yaml': exampleText('examples/gjovik-aarsrapport-2012.yaml').replace('nye_soknader: 302', 'nye_soknader: mange') });
    try {
      const r = await runMain(['compute', 'r.yaml', '--json'], { cwd: t.dir });
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(json.beregnet).toBeNull();
      expect(json.skjema.id).toBe('aarsrapport-2012');
      expect(json.diagnostikk.map((d: { ruleId: string }) => d.ruleId)).toContain('schema/type');
      const validate = schemaValidator('beregning.schema.json');
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});
