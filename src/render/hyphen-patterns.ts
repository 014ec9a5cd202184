import { readFileSync } from 'node:fs';

/** TeX's Norwegian patterns as JSON, written by the build (src/build/hyphen-patterns.ts); the same path from dist/render/ and the bundle in dist/cli/. */
export const HYPHEN_PATTERNS_FILE = new URL('../render/hyphen-nb.json', import.meta.url);

export interface PatternFile {
  source: string;
  /** The patterns' own copyright notice, which their licence asks to be kept with them. */
  notice: string;
  licence: string;
  patterns: unknown[];
}

type Hyphenator = (word: string, options?: { minWordLength?: number }) => string;

/**
 * The Norwegian hyphenator: from the build's JSON when there is one, else from the hyphen package's
 * own module (running from source). One set for bokmål and nynorsk.
 */
export async function norwegianHyphenator(file: URL | string = HYPHEN_PATTERNS_FILE): Promise<Hyphenator> {
  let patterns: unknown[];
  try {
    patterns = (JSON.parse(readFileSync(file, 'utf8')) as PatternFile).patterns;
  } catch {
    return (await import('hyphen/nb/index.js')).default.hyphenateSync;
  }
  const { default: createHyphenator } = await import('hyphen/hyphen.js');
  return createHyphenator(patterns);
}
