/** OpenSanctions Senzing JSON lines. */
export { senzingJsonParser } from './senzing-parser.js';
