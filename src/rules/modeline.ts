import type { RuleMeta } from './types.js';

/**
 * A rule about the report file rather than its data: the editor modeline names a schema file that
 * is not there (the report was copied or moved to another folder depth), so the editor's help is
 * gone. The engine runs it (src/engine/modeline.ts); `fix` writes the path `init` would write.
 */
export const modelineRule: RuleMeta<{ sti: string; riktig: string; fil: string }> = {
  id: 'modeline-finner-ikke-skjema',
  code: 'W50',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Editoren finner ikke skjemaet: «${p.sti}» i modeline-linjen finnes ikke sett fra rapportens mappe, så rapporten får ingen hjelp mens du skriver.`,
      hint: (p) => `«npx bosoreport fix ${p.fil}» retter linjen til ${p.riktig}.`,
      about: 'Modeline-linjen øverst (# yaml-language-server: $schema=…) peker på en skjemafil som finnes, sett fra rapportens mappe.',
    },
    nn: {
      message: (p) => `Editoren finn ikkje skjemaet: «${p.sti}» i modeline-linja finst ikkje sett frå mappa til rapporten, så rapporten får inga hjelp medan du skriv.`,
      hint: (p) => `«npx bosoreport fix ${p.fil}» rettar linja til ${p.riktig}.`,
      about: 'Modeline-linja øvst (# yaml-language-server: $schema=…) peikar på ei skjemafil som finst, sett frå mappa til rapporten.',
    },
    en: {
      message: (p) => `The editor cannot find the schema: "${p.sti}" in the modeline does not exist seen from the report's folder, so the report gets no help while you type.`,
      hint: (p) => `"npx bosoreport fix ${p.fil}" sets the line to ${p.riktig}.`,
      about: "The modeline at the top (# yaml-language-server: $schema=…) names a schema file that exists, seen from the report's folder.",
    },
  },
};

/** The rules about report files, which apply to every form. */
export const FILE_RULES: readonly RuleMeta<any>[] = [modelineRule];
