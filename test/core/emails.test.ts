import { analyze } from '../../src/core/analysis/analyze';
import { isAddrSpec, readEmailCell } from '../../src/core/workbook/emails';
import { sampleSheets } from '../helpers/workbook';

describe('an e-mail cell', () => {
  test('a quoted display name and an unquoted one (Thai) before <addr> belong to it: the bare address is kept', () => {
    expect(readEmailCell('"Name" <n@x.example>, สมชาย <s@x.example>')).toEqual({
      addresses: ['n@x.example', 's@x.example'],
      refused: [],
    });
    expect(readEmailCell('"ใจดี, สมชาย" <S@X.example>; สมหญิง รักงาน <y@x.example> z@x.example')).toEqual({
      addresses: ['s@x.example', 'y@x.example', 'z@x.example'],
      refused: [],
    });
  });

  test('the rest is split on commas, semicolons and spaces; each address once, lower-cased', () => {
    expect(readEmailCell('a@x.example,b@x.example;c@x.example d@x.example\nA@X.example')).toEqual({
      addresses: ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example'],
      refused: [],
    });
  });

  test('a word before another address is not its display name: it is refused', () => {
    expect(readEmailCell('สมชาย a@x.example สมหญิง <b@x.example>')).toEqual({
      addresses: ['a@x.example', 'b@x.example'],
      refused: ['สมชาย'],
    });
  });

  test('what is not an addr-spec is refused, never taken as an address', () => {
    const cell = readEmailCell(
      'team@, @x.example, a@b, <>, "x" <bad@>, a..b@x.example, a@-x.example, ok@x.example',
    );
    expect(cell).toEqual({
      addresses: ['ok@x.example'],
      refused: ['team@', '@x.example', 'a@b', '<>', 'bad@', 'a..b@x.example', 'a@-x.example'],
    });
  });

  test.each([
    ['n@x.example', true],
    ["o'brien+ita@mail.agency.go.th", true],
    ['team@', false],
    ['@x.example', false],
    ['a@localhost', false],
    ['a@1.2.3.4', false],
    ['สมชาย@x.example', false],
    ['a b@x.example', false],
    ['"n"@x.example', false],
  ])('isAddrSpec(%j) is %j', (text, valid) => {
    expect(isAddrSpec(text)).toBe(valid);
  });
});

describe('the divisions’ e-mails in the analysis', () => {
  test('display names are dropped, `team@` is a finding naming its cell and is not kept', () => {
    const sheets = sampleSheets();
    const divisions = sheets.find((s) => s.name === 'หน่วยงานภายใน');
    if (!divisions) throw new Error('no divisions tab');
    divisions.values[1][2] = '"Name" <n@x.example>, สมชาย <s@x.example>';
    divisions.values[2][2] = 'team@, ss.head@oie.example';
    const analysis = analyze(sheets);
    expect(analysis.workbook.divisions.map((d) => d.emails)).toEqual([
      ['n@x.example', 's@x.example'],
      ['ss.head@oie.example'],
      ['psd@oie.example'],
    ]);
    expect(
      analysis.findings.filter((f) => f.code === 'bad-email').map((f) => [f.where, f.message_en]),
    ).toEqual([
      [
        'หน่วยงานภายใน!C3',
        'หน่วยงานภายใน!C3: "team@" is not a valid e-mail address; it is not used nor shared with',
      ],
    ]);
  });

  test('the team e-mails of the settings are read the same way, each bad one a finding', () => {
    const sheets = sampleSheets();
    const settings = sheets.find((s) => s.name === 'ตั้งค่า');
    if (!settings) throw new Error('no settings tab');
    settings.values.push(['อีเมลทีมงาน', 'ทีม ITA <ita@oie.example>; @oie.example']);
    const analysis = analyze(sheets);
    expect(analysis.workbook.settings?.team).toEqual(['ita@oie.example']);
    expect(analysis.findings.filter((f) => f.code === 'bad-email').map((f) => f.where)).toEqual([
      `ตั้งค่า!B${settings.values.length}`,
    ]);
  });
});
