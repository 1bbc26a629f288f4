/**
 * Rounding-aware judgement of a printed rate against the counts it derives
 * from. The printed digits fix an interval (87.8 → [87.75, 87.85); 87.80 →
 * [87.795, 87.805)); the arithmetic is exact, in BigInt over the printed digit
 * string, never over a float that lost its trailing zero.
 */

export type Printed = { units: bigint; scale: bigint; decimals: number };

// 10^k for the decimals a printed figure has (the scanner reads at most eight).
const POWERS = Array.from({ length: 9 }, (_, k) => 10n ** BigInt(k));

/** "87.80" → 8780 / 100. */
export function printedOf(digits: string): Printed {
  const point = digits.indexOf('.');
  if (point < 0) return { units: BigInt(digits || '0'), scale: 1n, decimals: 0 };
  const decimals = digits.length - point - 1;
  return { units: BigInt(digits.slice(0, point) + digits.slice(point + 1)), scale: POWERS[decimals] ?? 10n ** BigInt(decimals), decimals };
}

/** Exact judging counts people and cases: a count printed with a fraction (12.5人, a misread) is not judged. */
export function wholeCounts(...values: number[]): boolean {
  return values.every((v) => Number.isSafeInteger(v));
}

function ceilDiv(a: bigint, b: bigint): bigint {
  // b > 0
  return a >= 0n ? (a + b - 1n) / b : -(-a / b);
}

export type Mode = 'rounded' | 'truncated';

/**
 * The whole numerators n for which n / den × factor prints as `p` (half-up
 * rounding or truncation at p's decimals). Inclusive; empty when lo > hi.
 */
export function numeratorsFor(p: Printed, den: bigint, factor: bigint, mode: Mode): [bigint, bigint] {
  const k = factor * p.scale;
  if (mode === 'rounded') {
    // (2u − 1)·den ≤ 2·n·k < (2u + 1)·den
    return [ceilDiv((2n * p.units - 1n) * den, 2n * k), ceilDiv((2n * p.units + 1n) * den, 2n * k) - 1n];
  }
  // u·den ≤ n·k < (u + 1)·den
  return [ceilDiv(p.units * den, k), ceilDiv((p.units + 1n) * den, k) - 1n];
}

export type RateJudgement =
  | { agrees: true; mode: Mode; numerator: bigint }
  | { agrees: false };

/** Does some whole numerator in [lo, hi] give the printed rate? Rounding is tried before truncation. */
export function judgeRate(p: Printed, lo: bigint, hi: bigint, den: bigint, factor: bigint): RateJudgement {
  for (const mode of ['rounded', 'truncated'] as const) {
    const [a, b] = numeratorsFor(p, den, factor, mode);
    const from = a > lo ? a : lo;
    const to = b < hi ? b : hi;
    if (from <= to) return { agrees: true, mode, numerator: from };
  }
  return { agrees: false };
}

/**
 * Whether a rate over `den` printed at p's precision could ever disagree with
 * some whole numerator (GRIM): only when whole counts are coarser than the
 * printed resolution.
 */
export function grimCanFail(p: Printed, den: bigint, factor: bigint): boolean {
  return factor * p.scale > den;
}

/** n / den × factor with `decimals` digits, for messages. */
export function ratio(n: number, den: number, factor: number, decimals: number): string {
  return ((n / den) * factor).toFixed(decimals);
}

/**
 * Whether some whole numerator in [lo, hi] gives the printed rate when rounded
 * twice, first to one more decimal (96.748 → 96.75 → 96.8). Rounding twice
 * widens the interval below the printed value by a twentieth of its last digit:
 * 96.8 then stands for [96.745, 96.85). A report that does so is left unjudged.
 */
export function roundedTwice(p: Printed, lo: bigint, hi: bigint, den: bigint, factor: bigint): boolean {
  const half: Printed = { units: p.units * 10n - 5n, scale: p.scale * 10n, decimals: p.decimals + 1 };
  const [a, b] = numeratorsFor(half, den, factor, 'rounded');
  return (a > lo ? a : lo) <= (b < hi ? b : hi);
}
