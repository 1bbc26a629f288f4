/**
 * Exact decimal arithmetic on printed digit strings. Scales are applied by
 * moving the decimal point in the string, never by multiplying floats, so that
 * 4.52万 is 45200 and not 45199.99999999999.
 */

/** "4.52", 4 → "45200"; "0.5", 4 → "5000"; "3", 0 → "3". */
export function shiftDecimal(digits: string, exponent: number): string {
  const [intPart = '0', fracPart = ''] = digits.split('.');
  const all = intPart + fracPart;
  const point = intPart.length + exponent;
  let whole: string;
  let frac: string;
  if (point >= all.length) {
    whole = all + '0'.repeat(point - all.length);
    frac = '';
  } else if (point <= 0) {
    whole = '0';
    frac = '0'.repeat(-point) + all;
  } else {
    whole = all.slice(0, point);
    frac = all.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

// Powers of ten that a double holds exactly (10^22 is the last).
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The value of a printed decimal, scaled by 10^exponent, as a number. */
export function decimalValue(digits: string, exponent = 0): number {
  // Unscaled digits need no shifting: Number() reads a decimal string exactly as printed.
  if (exponent === 0) return Number(digits);
  // The digits as a whole number m and the point moved by k: m × 10^k is exact, and
  // m / 10^−k is the correctly rounded quotient, which is the double that reading
  // the shifted digits gives, as long as m and the power are exact doubles.
  const point = digits.indexOf('.');
  const whole = point < 0 ? digits : digits.slice(0, point) + digits.slice(point + 1);
  const m = Number(whole);
  const k = exponent - (point < 0 ? 0 : digits.length - point - 1);
  if (Number.isSafeInteger(m) && k <= 0 && -k < EXACT_POWERS.length) return m / EXACT_POWERS[-k]!;
  if (Number.isSafeInteger(m) && k > 0 && Number.isSafeInteger(m * EXACT_POWERS[k]!)) return m * EXACT_POWERS[k]!;
  return Number(shiftDecimal(digits, exponent));
}

/** Digits after the decimal point as printed: "87.80" → 2. */
export function decimalsOf(digits: string): number {
  const i = digits.indexOf('.');
  return i < 0 ? 0 : digits.length - i - 1;
}
