/** @argus/core/names: normalisation, transliteration, tokens, name variants, phonetic keys and string similarity. */
export * from './jaro-winkler.js';
export * from './levenshtein.js';
export * from './name-words.js';
export * from './normalize.js';
export * from './parse-name.js';
export * from './phonetic.js';
export * from './transliterate.js';
export * from './variants.js';
export * from './abjad-align.js';
export * from './spelling-fold.js';
