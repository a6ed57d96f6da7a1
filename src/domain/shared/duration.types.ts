/**
 * A span of time as people configure it: wall-clock time, or time that only counts
 * while the organisation works (working days, working hours).
 */
export type Duration =
  | { readonly unit: 'ms'; readonly ms: number }
  | { readonly unit: 'workdays'; readonly days: number }
  | { readonly unit: 'workhours'; readonly hours: number };
