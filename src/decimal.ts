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

/** The value of a printed decimal, scaled by 10^exponent, as a number. */
export function decimalValue(digits: string, exponent = 0): number {
  // Unscaled digits need no shifting: Number() reads a decimal string exactly as printed.
  return exponent === 0 ? Number(digits) : Number(shiftDecimal(digits, exponent));
}

/** Digits after the decimal point as printed: "87.80" → 2. */
export function decimalsOf(digits: string): number {
  const i = digits.indexOf('.');
  return i < 0 ? 0 : digits.length - i - 1;
}
