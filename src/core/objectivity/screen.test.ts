import { describe, expect, it } from 'vitest';
import { dueProcessStatus } from './dueProcess';
import { riskLevel } from './risk';
import { buildScreenRows, type RawScreenRow } from './screen';

const row = (over: Partial<RawScreenRow> & { orgId: number; name: string }): RawScreenRow => ({
  login: null,
  result: null,
  federal: null,
  shnor: null,
  lastExplanationAt: null,
  lastDecision: null,
  ...over,
});
const result = (flagged: boolean, supportList: boolean, p: number) => ({
  flagged,
  supportList,
  p,
  q: p,
  yearsInRow: flagged ? 1 : 0,
  evidence: [
    {
      subject: 'Математика',
      grade: 4,
      className: null as string | null,
      indicator: 'cutExcess',
      p,
      n: 30,
    },
  ],
  units: [
    { subject: 'Математика', grade: 4, works: 30 },
    { subject: 'Русский язык', grade: 4, works: 28 },
  ],
});

describe('objectivity screen rows', () => {
  it('risk: flagged → high, support list → elevated, else none, no result → nodata', () => {
    expect(riskLevel({ flagged: true, supportList: true })).toBe('high');
    expect(riskLevel({ flagged: false, supportList: true })).toBe('elevated');
    expect(riskLevel({ flagged: false, supportList: false })).toBe('none');
    expect(riskLevel(null)).toBe('nodata');
  });

  it('due-process status: the newest decision unless explained after it', () => {
    const t = (s: number) => new Date(2025, 0, 1, 0, 0, s);
    expect(dueProcessStatus(null, null)).toBe('none');
    expect(dueProcessStatus(t(1), null)).toBe('explained');
    expect(dueProcessStatus(t(1), { decision: 'recheck', at: t(2) })).toBe('recheck');
    expect(dueProcessStatus(t(3), { decision: 'recheck', at: t(2) })).toBe('explained');
  });

  it('sorts by risk then p; filters narrow indicators and works, keep federal-marked schools', () => {
    const raw = [
      row({ orgId: 1, name: 'Б', result: result(false, false, 0.4) }),
      row({ orgId: 2, name: 'А', result: result(true, true, 0.001) }),
      row({ orgId: 3, name: 'В' }),
      row({
        orgId: 4,
        name: 'Г',
        federal: { markers: { r4: 0, m4: 0, r5: 2, m5: 0 }, total: 2 },
      }),
      row({ orgId: 5, name: 'Д', result: result(false, true, 0.02) }),
    ];
    expect(buildScreenRows(raw, {}).map((r) => [r.orgId, r.risk])).toEqual([
      [2, 'high'],
      [5, 'elevated'],
      [1, 'none'],
      [3, 'nodata'],
      [4, 'nodata'],
    ]);
    const rus = buildScreenRows(raw, { subject: 'Русский язык' });
    expect(rus.map((r) => [r.orgId, r.n, r.indicators.length])).toEqual([
      [2, 28, 0],
      [5, 28, 0],
      [1, 28, 0],
      [4, null, 0],
    ]);
    expect(buildScreenRows(raw, { grade: 4, subject: 'Русский язык' }).map((r) => r.orgId)).toEqual(
      [2, 5, 1],
    );
    expect(buildScreenRows(raw, { sort: 'markers', desc: true })[0]?.orgId).toBe(4);
    expect(buildScreenRows(raw, { search: 'д' }).map((r) => r.orgId)).toEqual([5]);
  });

  it('names the class of a class-level sign in the indicator details', () => {
    const withClass = result(true, false, 0.001);
    withClass.evidence.push({
      subject: 'Математика',
      grade: 4,
      className: '4Б',
      indicator: 'cutExcess',
      p: 0.0004,
      n: 12,
    });
    const [out] = buildScreenRows([row({ orgId: 1, name: 'А', result: withClass })], {});
    expect(out?.indicators[0]?.details).toEqual([
      'Математика, 4 класс, 4Б: p = 0,0004, 12 работ',
      'Математика, 4 класс: p = 0,0010, 30 работ',
    ]);
  });
});
