/** Input limits. A real report is 20–60 kB and five or six levels deep; these leave a wide margin. */
export const LIMITS = {
  /** Bytes in one report file. */
  maxFileBytes: 2 * 1024 * 1024,
  /** How often aliases may be expanded before a file counts as an alias bomb. */
  maxAliasCount: 100,
  /** Levels of nested mappings and lists. */
  maxDepth: 64,
  /** Keys in one mapping: a form's largest part has a few dozen fields. */
  maxMappingKeys: 10_000,
  /**
   * Keys, values, lists and mappings in one file. The largest real report holds a few thousand; `yaml`
   * needs about 1 kB of memory for each, so this keeps a file within 200 MB whatever its shape.
   */
  maxNodes: 100_000,
  /** Report files in one run: a region has a few hundred; more is a wrong path (a home folder, a disk). */
  maxFiles: 10_000,
} as const;
