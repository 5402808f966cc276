import { CallTimeout, explain } from '../src/ui/run';

describe('what the sidebar says when a server call fails', () => {
  test('the add-on’s own errors show their Thai and English text', () => {
    const shown = explain(
      new Error('Error: {"code":"busy","th":"มีผู้ใช้อื่นกำลังสร้างรายงาน","en":"Someone else is building"}'),
    );
    expect(shown).toEqual({
      kind: 'busy',
      code: 'busy',
      th: 'มีผู้ใช้อื่นกำลังสร้างรายงาน',
      en: 'Someone else is building',
    });
  });

  test('data errors keep their code, so the sidebar can ask to build anyway', () => {
    const shown = explain(new Error('{"code":"data-errors","th":"ข้อมูลมีข้อผิดพลาด 3 รายการ","en":"3 errors"}'));
    expect(shown).toMatchObject({ kind: 'user', code: 'data-errors' });
  });

  test('a call with no answer in time says what to do', () => {
    const shown = explain(new CallTimeout(7));
    expect(shown.kind).toBe('timeout');
    expect(shown.th).toContain('ภายใน 7 นาที');
    expect(shown.en).toContain('Last report');
  });

  test('the several-Google-accounts failure gets its own advice', () => {
    expect(explain(new Error('ScriptError: PERMISSION_DENIED')).kind).toBe('accounts');
    expect(explain(new Error('Authorization is required to perform that action.')).th).toContain('หลายบัญชี');
  });

  test('quotas and time limits are named as such', () => {
    expect(explain(new Error('Service invoked too many times for one day: docs create.')).kind).toBe('quota');
    expect(explain(new Error('Exceeded maximum execution time')).kind).toBe('quota');
  });

  test('anything else is shown as it came', () => {
    expect(explain('boom')).toEqual({
      kind: 'other',
      th: 'เกิดข้อผิดพลาด: boom',
      en: 'Something went wrong: boom',
    });
  });
});
