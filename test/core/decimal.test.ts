import { Exact, mean, published } from '../../src/core/decimal';

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
});
