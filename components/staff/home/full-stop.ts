/** Ends a sentence with one full stop: a name with a degree ("S.E.") already ends with one. */
export const withFullStop = (sentence: string) =>
  /[.!?]$/.test(sentence.trim()) ? sentence.trim() : `${sentence.trim()}.`;
