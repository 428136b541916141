/** Who may correct each SOP letter: the role of the step that issued it (the access policy's `correct…` rules). */
export { isCorrectable, mayCorrect, type CorrectableLetter } from "../policy/policy.ts";
