import type { Indicator } from '../report.js';

export function plausibility(_indicators: Indicator[]): string[] {
  return [];
}
