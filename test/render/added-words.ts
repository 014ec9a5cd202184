/** Words only bosoreport writes, never the form: none of them may be in the Husbanken copy's text. */
export const ADDED_WORDS: readonly RegExp[] = [
  /beregnet/i,
  /Sum A \+ B \+ C/,
  /Nøkkeltall/,
  /\blevert /i,
  /foreløpig modell/i,
  /Gjengitt av bosoreport/,
  /\bantatt\b/,
  /malen sier/,
  /Kontrollmerknader/,
  /\bMerk:/,
  /\bukjent\b/,
  /ikke fylt ut/,
  /Oppsummering av aktivitetene/,
  /Stemmer med oppgitt antall/,
  /bosoreport/i,
  // The working copy's words for a missing value, and its words in a nynorsk report.
  /ikke besvart/,
  /\bukjend\b/,
  /ikkje svara/,
  /berekna/i,
  /Nøkkeltal\b/,
];
