import type { DataPath } from '../load/positions.js';
import type { HeaderFields } from '../rules/types.js';

/**
 * Where the forms modelled so far keep their header («Generell programinformasjon»); a form whose
 * header looks different (Region sør's «Formalia») names its own paths in form.yaml.
 */
export const DEFAULT_HEADER_FIELDS: HeaderFields = {
  kommune: ['generell_programinformasjon', 'kommune'],
  aar: ['generell_programinformasjon', 'rapporteringsaar'],
  rapporteringsdato: ['generell_programinformasjon', 'rapporteringsdato'],
  forsidedato: ['forsidedato'],
  programstart: ['generell_programinformasjon', 'programstart'],
  utfylt_av: ['generell_programinformasjon', 'utfylt_av'],
};

/** The value at a data path, or undefined where the path leaves the data. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const seg of path) {
    // Own keys only: a path through «__proto__» or «constructor» finds nothing in a report.
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** The header facts every report has, whatever its form calls them. Unknown stays null. */
export interface Header {
  kommune: string | null;
  aar: number | null;
  rapporteringsdato: string | null;
  forsidedato: string | null;
  programstart: string | null;
  utfylt_av: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** «Drammen kommune» as some forms have it, or «Drammen»: the municipality's name, said once. */
export function municipalityName(kommune: string | null | undefined): string {
  return (kommune ?? '').replace(/\s+kommune$/i, '').trim();
}

export function readHeader(data: unknown, fields: HeaderFields): Header {
  const aar = valueAt(data, fields.aar);
  return {
    kommune: text(valueAt(data, fields.kommune)),
    aar: typeof aar === 'number' ? aar : null,
    rapporteringsdato: text(valueAt(data, fields.rapporteringsdato)),
    forsidedato: text(valueAt(data, fields.forsidedato)),
    programstart: text(valueAt(data, fields.programstart)),
    utfylt_av: text(valueAt(data, fields.utfylt_av)),
  };
}
