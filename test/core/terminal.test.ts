import { jsonText, terminalLines, terminalText } from '../../src/core/terminal';

describe('the one terminal sanitizer', () => {
  test('replaces C0 and C1 controls, DEL and bidi overrides with ?, and keeps Thai', () => {
    expect(terminalText('ก\u001b]0;t\u0007ข\u009b2J\u007f\u202eค\u2066ง\n')).toBe('ก?]0;t?ข?2J??ค?ง?');
  });

  test('cuts a long value to its maximum, ending in …, never inside a surrogate pair', () => {
    expect(terminalText('กขคงจ', 3)).toBe('กข…');
    expect(terminalText('😀😀😀😀', 3)).toBe('😀😀…');
    expect(terminalText('กขค', 3)).toBe('กขค');
  });

  test('a text of several lines keeps its newlines, each line made safe', () => {
    expect(terminalLines('a\u001b[31m\nb\u0007')).toBe('a?[31m\nb?');
  });

  test('JSON keeps every character, C1 controls and bidi marks written as \\u escapes', () => {
    const value = { agency: 'ก\u001b\u009b\u202e\u2069\u2028' };
    const text = jsonText(value);
    expect(text).toBe('{\n  "agency": "ก\\u001b\\u009b\\u202e\\u2069\\u2028"\n}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
