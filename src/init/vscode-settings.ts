/**
 * A repository's `.vscode/settings.json` with the reports mapped to bosoreport's editor schema
 * (`yaml.schemas`, read by VS Code's YAML extension), every other setting kept as it was. Pure: the
 * caller reads and writes the file.
 */
export type SettingsMerge = { kind: 'ok'; text: string } | { kind: 'unreadable' };

/**
 * `existing` is the file's text, or undefined when there is none. VS Code also reads comments and
 * trailing commas there; such a file is refused rather than rewritten without them.
 */
export function mergeYamlSchemas(existing: string | undefined, schema: string, patterns: string[]): SettingsMerge {
  let settings: Record<string, unknown> = {};
  if (existing !== undefined && existing.trim() !== '') {
    try {
      settings = JSON.parse(existing.replace(/^\ufeff/, '')) as Record<string, unknown>;
    } catch {
      return { kind: 'unreadable' };
    }
    if (!isObject(settings) || (settings['yaml.schemas'] !== undefined && !isObject(settings['yaml.schemas']))) return { kind: 'unreadable' };
  }
  const schemas = { ...((settings['yaml.schemas'] as Record<string, unknown> | undefined) ?? {}) };
  // Two schemas on one file make the editor apply both at once: bosoreport's own older entries
  // (one per form) give way to the one that follows each report's `skjema:`.
  for (const key of Object.keys(schemas)) if (/(^|\/)node_modules\/bosoreport\/schemas\//.test(key)) delete schemas[key];
  schemas[schema] = patterns;
  const indent = /^[ \t]+(?=")/m.exec(existing ?? '')?.[0] ?? '  ';
  return { kind: 'ok', text: `${JSON.stringify({ ...settings, 'yaml.schemas': schemas }, null, indent)}\n` };
}

/** What to add by hand to a settings file bosoreport will not rewrite. */
export function yamlSchemasSnippet(schema: string, patterns: string[]): string {
  return JSON.stringify({ 'yaml.schemas': { [schema]: patterns } }, null, 2);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
