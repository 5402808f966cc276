import {
  differBy,
  Exact,
  hundredths,
  mean,
  published,
  sortByExact,
  sumOfProducts,
} from '../../src/core/decimal';

describe('Exact', () => {
  test('rounds half up exactly where binary floating point would not', () => {
    expect(69.225 * 100).not.toBe(6922.5); // why the class exists
    expect(Exact.parse('69.225').round(2).toFixed(2)).toBe('69.23');
    expect(Exact.fromNumber(1.005).round(2).toFixed(2)).toBe('1.01');
    expect(published(mean([Exact.parse('90.52'), Exact.parse('84.95')]))).toBe(87.74);
  });

  test('rounds negative values away from zero and keeps exact sums', () => {
    expect(Exact.parse('-0.605').round(2).toFixed(2)).toBe('-0.61');
    expect(Exact.parse('0.1').add(Exact.parse('0.2')).compare(Exact.parse('0.3'))).toBe(0);
    expect(Exact.parse('96.06').sub(Exact.parse('92.73')).toNumber()).toBe(3.33);
  });

  test('the 2568 total of the sample recomputes to 96.0625', () => {
    const total = [
      ['0.30', '99.14'],
      ['0.15', '90.52'],
      ['0.15', '84.95'],
      ['0.40', '100'],
    ].reduce((sum, [w, v]) => sum.add(Exact.parse(w).mul(Exact.parse(v))), Exact.ZERO);
    expect(total.toFixed(4)).toBe('96.0625');
    expect(published(total)).toBe(96.06);
  });

  test('parses the decimal forms numbers print as, and rejects others', () => {
    expect(Exact.fromNumber(1e-7).toFixed(7)).toBe('0.0000001');
    expect(Exact.parse('.5').toNumber()).toBe(0.5);
    expect(Exact.parse('100').toFixed(0)).toBe('100');
    expect(() => Exact.parse('9O.5')).toThrow(RangeError);
    expect(() => Exact.fromNumber(Number.NaN)).toThrow(RangeError);
    expect(mean([])).toBeNull();
  });

  test('compares, reduces, rounds and averages exactly on either side of 2^26 and 2^53', () => {
    const big = (n: number) => BigInt(n);
    // (2^27 + 1)/2^27 < 2^27/(2^27 − 1): the cross products 2^54 − 1 and 2^54 are one apart, beyond doubles.
    const a = Exact.of(big(2 ** 27 + 1), big(2 ** 27));
    const b = Exact.of(big(2 ** 27), big(2 ** 27 - 1));
    expect(a.compare(b)).toBe(-1);
    expect(b.compare(a)).toBe(1);
    expect(Exact.parse('84.995').compare(Exact.parse('84.994999999'))).toBe(1);
    expect(Exact.of(big(2 ** 53 - 1), big(2 ** 53 - 1)).toFixed(0)).toBe('1');
    expect(Exact.of(big(2 ** 53) * big(6), big(2 ** 53) * big(4)).toFixed(1)).toBe('1.5');
    expect(Exact.of(big(-12), big(8)).toFixed(1)).toBe('-1.5');
    expect(Exact.of(big(0), big(7)).compare(Exact.ZERO)).toBe(0);
    expect(hundredths(Exact.parse('84.995'))).toBe(big(8500));
    expect(hundredths(Exact.parse('84.99499'))).toBe(big(8499));
    expect(hundredths(Exact.parse('-0.005'))).toBe(big(-1));
    expect(hundredths(Exact.parse('67108864.005'))).toBe(big(6710886401));
    expect(published(Exact.parse('67108864.005'))).toBe(67108864.01);
    expect(published(Exact.parse('-0.004'))).toBe(0);
    // 1/3 + 1/6 + 1/4 over three: 1/4.
    const thirds = mean([Exact.of(big(1), big(3)), Exact.of(big(1), big(6)), Exact.parse('0.25')]);
    expect(thirds?.compare(Exact.parse('0.25'))).toBe(0);
    expect(mean([Exact.parse('90.52'), Exact.parse('84.95'), Exact.parse('100')])?.toFixed(4)).toBe(
      '91.8233',
    );
  });

  test('sorts by exact figures where doubles cannot tell them apart, equal ones kept in order', () => {
    const big = (n: number | string) => BigInt(n);
    const items = [
      { name: 'b', v: Exact.of(big('9007199254740990'), big('9007199254740989')) }, // 1 + 1/(2^53 − 3)
      { name: 'a', v: Exact.of(big('9007199254740991'), big('9007199254740990')) }, // 1 + 1/(2^53 − 2)
      { name: 'big', v: Exact.of(big('100000000000000000001'), big('100000000000000000000')) },
      { name: 'one', v: Exact.of(big(1)) },
      { name: 'x1', v: Exact.parse('96.06') },
      { name: 'low', v: Exact.parse('-3.5') },
      { name: 'x2', v: Exact.parse('96.060') },
    ];
    const names = sortByExact(items, (i) => i.v).map((i) => i.name);
    expect(names).toEqual(['low', 'one', 'big', 'a', 'b', 'x1', 'x2']);
  });

  test('sums products exactly: the 2568 weighted total, mixed signs and denominators, none', () => {
    const p = (w: string, v: string) => [Exact.parse(w), Exact.parse(v)] as const;
    const total = sumOfProducts([
      p('0.30', '99.14'),
      p('0.15', '90.52'),
      p('0.15', '84.95'),
      p('0.40', '100'),
    ]);
    expect(total.toFixed(4)).toBe('96.0625');
    const of = (n: number, d: number) => Exact.of(BigInt(n), BigInt(d));
    // 1/3 · 3/7 − 2/5 · 5/4 = 1/7 − 1/2 = −5/14
    expect(
      sumOfProducts([
        [of(1, 3), of(3, 7)],
        [of(-2, 5), of(5, 4)],
      ]).compare(of(-5, 14)),
    ).toBe(0);
    expect(sumOfProducts([]).compare(Exact.ZERO)).toBe(0);
  });

  test('tells a difference beyond a tolerance, exactly at its edge and either way round', () => {
    const x = (t: string) => Exact.parse(t);
    const tol = x('0.02');
    expect(differBy(x('96.06'), x('96.04'), tol)).toBe(false);
    expect(differBy(x('96.04'), x('96.06'), tol)).toBe(false);
    expect(differBy(x('96.06'), x('96.0399'), tol)).toBe(true);
    expect(differBy(x('-0.01'), x('0.0101'), tol)).toBe(true);
    // 1/3 and 0.3533…: 0.0199… apart, and 1/3 against 0.35334 is 0.02000666… apart.
    const third = Exact.of(BigInt(1), BigInt(3));
    expect(differBy(third, x('0.3533'), tol)).toBe(false);
    expect(differBy(third, x('0.35334'), tol)).toBe(true);
  });
});
