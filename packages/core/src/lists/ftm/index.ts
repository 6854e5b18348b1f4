/** OpenSanctions FollowTheMoney JSON lines. */
export { ftmJsonParser } from './ftm-parser.js';
