/**
 * Exact rational arithmetic for scores. Published ITA figures are decimals rounded half up to two places;
 * binary floating point would round 69.225 down, so every figure is kept as a fraction of BigInts.
 */
// Apps Script's editor does not parse BigInt literals (10n): the constants are made with BigInt().
const B0 = BigInt(0);
const B1 = BigInt(1);
const B2 = BigInt(2);
const B10 = BigInt(10);
const B100 = BigInt(100);
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** 10^0 … 10^8: the scales rounding and parsing use, made once. */
const POWERS = Array.from({ length: 9 }, (_, i) => B10 ** BigInt(i));
const pow10 = (n: number): bigint => POWERS[n] ?? B10 ** BigInt(n);

export class Exact {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Exact(B0, B1);

  static of(num: bigint, den: bigint = B1): Exact {
    if (den === B0) throw new RangeError('division by zero');
    if (den < B0) {
      num = -num;
      den = -den;
    }
    if (den === B1) return new Exact(num, B1);
    const g = gcd(num < B0 ? -num : num, den);
    return g === B1 ? new Exact(num, den) : new Exact(num / g, den / g);
  }

  /** The decimal a number prints as (96.06 → 9606/100), never its binary expansion. */
  static fromNumber(value: number): Exact {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return Exact.parse(String(value));
  }

  /** A plain decimal string: optional sign, digits, optional fraction, optional exponent. */
  static parse(text: string): Exact {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: ${text}`);
    const fraction = m[3] ?? '';
    let num = BigInt((m[2] || '0') + fraction);
    let den = pow10(fraction.length);
    const exp = Number(m[4] ?? 0);
    if (exp > 0) num *= pow10(exp);
    if (exp < 0) den *= pow10(-exp);
    return Exact.of(m[1] === '-' ? -num : num, den);
  }

  add(other: Exact): Exact {
    return Exact.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Exact): Exact {
    return Exact.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Exact): Exact {
    return Exact.of(this.num * other.num, this.den * other.den);
  }

  div(other: Exact): Exact {
    return Exact.of(this.num * other.den, this.den * other.num);
  }

  compare(other: Exact): number {
    const { num: a, den: b } = this;
    const { num: c, den: d } = other;
    // Terms within 2^26 have products within 2^52, exact in doubles: no BigInt made (sorting thousands).
    if (small(a) && b <= SMALL && small(c) && d <= SMALL) {
      const l = Number(a) * Number(d);
      const r = Number(c) * Number(b);
      return l < r ? -1 : l > r ? 1 : 0;
    }
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  abs(): Exact {
    return this.num < B0 ? Exact.of(-this.num, this.den) : this;
  }

  /** Rounded half away from zero to `places` decimals (half up for the non-negative scores). */
  round(places = 2): Exact {
    const scale = pow10(places);
    const negative = this.num < B0;
    const n = (negative ? -this.num : this.num) * scale;
    const rounded = (B2 * n + this.den) / (B2 * this.den);
    return Exact.of(negative ? -rounded : rounded, scale);
  }

  toNumber(): number {
    return Number(this.toFixed(6));
  }

  toFixed(places: number): string {
    const r = this.round(places);
    const scale = pow10(places);
    const negative = r.num < B0;
    const scaled = ((negative ? -r.num : r.num) * scale) / r.den;
    const whole = (scaled / scale).toString();
    const frac = places > 0 ? `.${(scaled % scale).toString().padStart(places, '0')}` : '';
    return `${negative ? '-' : ''}${whole}${frac}`;
  }
}

const SMALL = BigInt(2 ** 26);
const small = (x: bigint) => x <= SMALL && x >= -SMALL;

/** The greatest common divisor of a ≥ 0 and b ≥ 0 (1 for two zeros). */
function gcd(a: bigint, b: bigint): bigint {
  // Within 2^53 the remainders are exact in doubles, which cost no BigInt each (the usual case: scores).
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return x === 0 ? B1 : BigInt(x);
  }
  while (b !== B0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a === B0 ? B1 : a;
}

/**
 * Items sorted by an exact figure, ascending and stable: the order `(a, b) => a.compare(b)` gives, each
 * figure turned into a double once. Within 2^53 a double quotient is correctly rounded, so monotonic: a
 * smaller double means a smaller figure, and only equal doubles are compared exactly.
 */
export function sortByExact<T>(items: readonly T[], figure: (item: T) => Exact): T[] {
  const keyed = items.map((item) => {
    const v = figure(item);
    const safe = v.num <= SAFE && v.num >= -SAFE && v.den <= SAFE;
    return { item, v, d: safe ? Number(v.num) / Number(v.den) : Number.NaN };
  });
  keyed.sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.v.compare(b.v)));
  return keyed.map((k) => k.item);
}

/** Whether |a − b| > limit (limit ≥ 0), by cross-multiplication, without making the difference. */
export function differBy(a: Exact, b: Exact, limit: Exact): boolean {
  const diff = a.num * b.den - b.num * a.den;
  return (diff < B0 ? -diff : diff) * limit.den > limit.num * a.den * b.den;
}

/** Σ a·b over the pairs, exactly: the same fraction as multiplying and adding one by one, reduced once. */
export function sumOfProducts(pairs: readonly (readonly [Exact, Exact])[]): Exact {
  let num = B0;
  let den = B1;
  for (const [a, b] of pairs) {
    const n = a.num * b.num;
    const d = a.den * b.den;
    if (den % d === B0) num += n * (den / d);
    else {
      const g = gcd(den, d);
      const m = d / g;
      num = num * m + n * (den / g);
      den *= m;
    }
  }
  return Exact.of(num, den);
}

export function mean(values: readonly Exact[]): Exact | null {
  if (values.length === 0) return null;
  // Summed over the least common denominator (scores' denominators divide 100, so it stays 100), reduced
  // once: the same fraction as adding one by one, without a reduction at each step.
  let num = B0;
  let den = B1;
  for (const v of values) {
    if (den % v.den === B0) num += v.num * (den / v.den);
    else {
      const g = gcd(den, v.den);
      const m = v.den / g;
      num = num * m + v.num * (den / g);
      den *= m;
    }
  }
  return Exact.of(num, den * BigInt(values.length));
}

/**
 * A figure as published, in hundredths: `round(2)` times 100 (96.055 → 9606, −0.005 → −1), worked out without
 * making the rounded fraction, since reports and roll-ups publish thousands of figures.
 */
export function hundredths(value: Exact): bigint {
  if (small(value.num) && value.den <= SMALL) {
    // floor((200·|num| + den) / (2·den)) on integers below 2^35, exact in doubles.
    const n = Number(value.num);
    const d = Number(value.den);
    const p = 200 * Math.abs(n) + d;
    const rounded = (p - (p % (2 * d))) / (2 * d);
    return BigInt(n < 0 ? -rounded : rounded);
  }
  const negative = value.num < B0;
  const n = (negative ? -value.num : value.num) * B100;
  const rounded = (B2 * n + value.den) / (B2 * value.den);
  return negative ? -rounded : rounded;
}

/** The published form of a figure: rounded half up to two decimals, as a JS number. */
export function published(value: Exact | null): number | null {
  if (value === null) return null;
  // Hundredths within 2^53 convert exactly, and one division is then the nearest number to the
  // published decimal, as Number() of its text is.
  const h = hundredths(value);
  if (h <= SAFE && h >= -SAFE) return Number(h) / 100;
  return value.round(2).toNumber();
}
