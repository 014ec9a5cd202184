// The hyphen package ships no types; bosoreport uses one function of it (a CommonJS module, so its default export).
declare module 'hyphen/nb/index.js' {
  const hyphen: { hyphenateSync(text: string, options?: { minWordLength?: number }): string };
  export default hyphen;
}
