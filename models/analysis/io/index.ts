/** Game file formats: Gambit `.nfg` reading and writing, and Gambit's solver output lines. */
export { parseNfg, writeNfg, formatPayoff, type NfgParseOptions, type NfgParseResult } from './nfg';
export { formatPureLine, formatExactLine, formatDecimalLine, formatDecimal } from './gambitOutput';
