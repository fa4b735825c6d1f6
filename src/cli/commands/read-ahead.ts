/**
 * How many returned files a merge's reader thread may have read that the merge has not taken yet:
 * enough to keep it busy while the main thread reads the master (about 60 unit workbooks' time),
 * some tens of MB of values.
 */
export const LOOKAHEAD = 64;
