// The hyphen package ships no types; bosoreport uses one function of it (a CommonJS module, so its default export).
declare module 'hyphen/nb/index.js' {
  const hyphen: { hyphenateSync(text: string, options?: { minWordLength?: number }): string };
  export default hyphen;
}
declare module 'hyphen/hyphen.js' {
  /** Makes the synchronous hyphenator from a language's patterns (what `hyphen/nb` does with its own). */
  const createHyphenator: (patterns: unknown[]) => (text: string, options?: { minWordLength?: number }) => string;
  export default createHyphenator;
}
