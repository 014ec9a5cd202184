/** An option that may be repeated or given as a comma-separated list (`--kommune Gjøvik,Hamar`). */
export const commaList = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];
