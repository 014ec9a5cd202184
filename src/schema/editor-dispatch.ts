import { t } from '../messages/index.js';
import type { SchemaNode } from './store.js';

/** The file in schemas/ that a repository's `.vscode/settings.json` maps every report to. */
export const REPORT_SCHEMA_ID = 'rapport.schema.json';

interface FormRef {
  id: string;
  aliases: readonly string[];
  schemaId: string;
}

/**
 * One editor schema for every report, whatever its form: the report's own `skjema:` picks the
 * form's editor schema, as it picks the form in bosoreport. A file name cannot: several forms
 * served the same years (Region sør's own layout, the free form), so patterns per form would guess,
 * and two patterns on one file make the editor apply both schemas at once.
 */
export function reportDispatchSchema(forms: readonly FormRef[]): SchemaNode {
  const names = forms.flatMap((f) => [f.id, ...f.aliases]);
  const list = names.join(', ');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: REPORT_SCHEMA_ID,
    title: 'Rapport i Boligsosialt utviklingsprogram',
    description: 'Skjemaet rapporten følger, står i feltet «skjema»; hjelpen er det skjemaets.',
    type: 'object',
    required: ['skjema'],
    // Said where `skjema` is missing (or the file is no mapping at all).
    errorMessage: `${t('nb', 'form/missing')} ${t('nb', 'form/missing.hint', { example: forms[0]?.id ?? '', forms: list })}`,
    properties: {
      skjema: {
        title: 'Skjema',
        markdownDescription: `**Skjema** – Hvilket skjema rapporten følger: ${list}.`,
        enum: names,
        errorMessage: `Velg en av: ${list}.`,
      },
    },
    allOf: forms.flatMap((f) => [f.id, ...f.aliases].map((name) => ({ if: { properties: { skjema: { const: name } }, required: ['skjema'] }, then: { $ref: `./${f.schemaId}` } }))),
  };
}
