import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from './builtins';
import { buildScreen, previousScoreOf } from './screen';
import { scoreAnswers, scoreLevel } from './scoring';
import { validateDefinition, type TemplateDefinition } from './template';
import { cardEditRefusal, returnRefusal, selfEditRefusal } from './workflow';

const DEF: TemplateDefinition = {
  sections: [
    {
      key: 'a',
      title: 'Документы',
      indicators: [
        {
          key: 'a.yes',
          title: 'Положение',
          type: 'yes_no',
          weight: 2,
          required: true,
          evidence: 'required',
        },
        {
          key: 'a.scale',
          title: 'Качество',
          type: 'scale',
          scaleMax: 4,
          weight: 1,
          required: true,
          evidence: 'none',
        },
      ],
    },
    {
      key: 'b',
      title: 'Сайт и цифры',
      indicators: [
        {
          key: 'b.link',
          title: 'Ссылка',
          type: 'evidence',
          weight: 1,
          required: true,
          evidence: 'required',
        },
        {
          key: 'b.num',
          title: 'Решений',
          type: 'number',
          weight: 1,
          required: false,
          evidence: 'none',
          target: { min: 2, max: 10 },
        },
        {
          key: 'b.free',
          title: 'Число без цели',
          type: 'number',
          weight: 5,
          required: false,
          evidence: 'none',
        },
        {
          key: 'b.text',
          title: 'Комментарий',
          type: 'text',
          weight: 3,
          required: false,
          evidence: 'none',
        },
      ],
    },
  ],
};

describe('scoring rules', () => {
  it('weights parts of every scorable type', () => {
    const r = scoreAnswers(DEF, {
      'a.yes': { value: true, documentIds: [7] },
      'a.scale': { value: 3 },
      'b.link': { value: null, links: ['https://school.example/vsoko'] },
      'b.num': { value: 1 },
      'b.free': { value: 100 },
      'b.text': { value: 'ок' },
    });
    // (2×1 + 1×0.75 + 1×1 + 1×0) / (2+1+1+1) = 3.75 / 5 = 75%.
    expect(r.percent).toBe(75);
    expect(r.sections).toEqual([
      { key: 'a', title: 'Документы', percent: 91.7 },
      { key: 'b', title: 'Сайт и цифры', percent: 50 },
    ]);
    expect(r.indicators.find((i) => i.key === 'b.free')).toMatchObject({
      scored: false,
      fraction: null,
    });
    expect(r.indicators.find((i) => i.key === 'b.text')).toMatchObject({
      scored: false,
      answered: true,
    });
    expect(r.requiredAnswered).toBe(3);
    expect(r.requiredTotal).toBe(3);
  });

  it('counts a «yes» without required evidence as 0 and marks it unconfirmed', () => {
    const r = scoreAnswers(DEF, { 'a.yes': { value: true }, 'a.scale': { value: 4 } });
    expect(r.indicators[0]).toMatchObject({ answered: true, fraction: 0, unconfirmed: true });
    // (0 + 1) / 5 = 20%; unanswered scored indicators count as 0.
    expect(r.percent).toBe(20);
    expect(r.requiredAnswered).toBe(2);
  });

  it('scores the number target inclusively and clamps scales', () => {
    const inside = scoreAnswers(DEF, { 'b.num': { value: 10 }, 'a.scale': { value: 9 } });
    expect(inside.indicators.find((i) => i.key === 'b.num')?.fraction).toBe(1);
    expect(inside.indicators.find((i) => i.key === 'a.scale')?.fraction).toBe(1);
    const outside = scoreAnswers(DEF, { 'b.num': { value: 11 } });
    expect(outside.indicators.find((i) => i.key === 'b.num')?.fraction).toBe(0);
  });

  it('treats an explicit «no document» as answered with 0', () => {
    const r = scoreAnswers(DEF, { 'b.link': { value: false } });
    expect(r.indicators.find((i) => i.key === 'b.link')).toMatchObject({
      answered: true,
      fraction: 0,
    });
  });

  it('has no score without scorable indicators', () => {
    const def: TemplateDefinition = {
      sections: [
        {
          key: 's',
          title: 'Т',
          indicators: [
            { key: 't', title: 'Т', type: 'text', weight: 1, required: true, evidence: 'none' },
          ],
        },
      ],
    };
    expect(scoreAnswers(def, {}).percent).toBeNull();
    expect(scoreLevel(null)).toBe('none');
    expect([scoreLevel(80), scoreLevel(79.9), scoreLevel(50), scoreLevel(49.9)]).toEqual([
      'high',
      'medium',
      'medium',
      'low',
    ]);
  });
});

describe('template definitions', () => {
  it('accepts every shipped template', () => {
    for (const t of BUILTIN_TEMPLATES)
      expect([t.code, validateDefinition(t.definition)]).toEqual([t.code, []]);
    expect(BUILTIN_TEMPLATES.map((t) => t.code)).toEqual([
      'vsoko_check',
      'objectivity_acts',
      'olympiad_acts',
      'vsoko_acts',
      'self_evaluation',
      'schedule_check',
    ]);
  });

  it('reports repeated keys, bad scales and empty sections in Russian', () => {
    const errors = validateDefinition({
      sections: [
        {
          key: 's',
          title: 'Раздел',
          indicators: [
            { key: 'x', title: 'Один', type: 'scale', weight: 1, required: true, evidence: 'none' },
            {
              key: 'x',
              title: 'Два',
              type: 'evidence',
              weight: 1,
              required: true,
              evidence: 'none',
            },
          ],
        },
        { key: 's', title: 'Пустой', indicators: [] },
      ],
    });
    expect(errors).toEqual([
      'Раздел 1 «Раздел», показатель 1 «Один»: для шкалы укажите максимум (целое ≥ 1)',
      'Раздел 1 «Раздел», показатель 2 «Два»: ключ «x» повторяется',
      'Раздел 1 «Раздел», показатель 2 «Два»: показатель-документ не может быть без подтверждения',
      'Раздел 2 «Пустой»: ключ «s» повторяется',
      'Раздел 2 «Пустой»: нет показателей',
    ]);
  });
});

describe('versions and the monitoring screen', () => {
  // Version 2 raises a weight, drops «a.scale» and adds «c.new».
  const V2: TemplateDefinition = {
    sections: [
      {
        key: 'a',
        title: 'Документы',
        indicators: [{ ...DEF.sections[0]!.indicators[0]!, weight: 4 }],
      },
      {
        key: 'c',
        title: 'Новое',
        indicators: [
          {
            key: 'c.new',
            title: 'Новый',
            type: 'yes_no',
            weight: 1,
            required: true,
            evidence: 'none',
          },
        ],
      },
    ],
  };
  const old = { 'a.yes': { value: true, documentIds: [1] }, 'a.scale': { value: 0 } };

  it('scores old answers with their own version, unchanged by a later one', () => {
    expect(scoreAnswers(DEF, old).percent).toBe(40);
    expect(scoreAnswers(V2, old).percent).toBe(80);
  });

  it('compares with the previous campaign by indicator key', () => {
    const previous = new Map([[10, previousScoreOf(DEF, {}, old)]]);
    const rows = buildScreen(
      V2,
      [
        {
          campaignSchoolId: 1,
          orgId: 10,
          orgName: 'Школа № 10',
          self: {
            status: 'submitted',
            answers: { 'a.yes': { value: false }, 'c.new': { value: true } },
          },
          card: {
            status: 'final',
            answers: { 'a.yes': { value: true, documentIds: [2] }, 'c.new': { value: false } },
          },
          scheduleViolations: 3,
        },
        {
          campaignSchoolId: 2,
          orgId: 11,
          orgName: 'Школа № 11',
          self: { status: 'draft', answers: { 'c.new': { value: true } } },
          card: { status: 'not_started', answers: {} },
          scheduleViolations: null,
        },
      ],
      previous,
    );
    expect(rows[0]).toMatchObject({
      source: 'expert',
      percent: 80,
      selfPercent: 20,
      expertPercent: 80,
      previousPercent: 40,
      delta: 40,
    });
    expect(rows[0]?.cells).toEqual([
      { key: 'a.yes', fraction: 1, previous: 1 },
      { key: 'c.new', fraction: 0, previous: null },
    ]);
    expect(rows[1]).toMatchObject({
      source: 'self',
      percent: 20,
      previousPercent: null,
      delta: null,
      requiredAnswered: 1,
      requiredTotal: 2,
    });
  });
});

describe('workflow', () => {
  it('locks a final card and a submitted self-report', () => {
    expect(selfEditRefusal('active', 'draft', 'draft')).toBeNull();
    expect(selfEditRefusal('active', 'returned', 'draft')).toBeNull();
    expect(selfEditRefusal('active', 'submitted', 'draft')).toContain('вернёт');
    expect(selfEditRefusal('active', 'draft', 'final')).toContain('итоговая');
    expect(selfEditRefusal('closed', 'draft', 'draft')).toContain('не идёт');
    expect(cardEditRefusal('active', 'draft')).toBeNull();
    expect(cardEditRefusal('active', 'final')).toContain('закрыта');
    expect(returnRefusal('active', 'submitted', 'draft')).toBeNull();
    expect(returnRefusal('active', 'draft', 'draft')).toContain('отправленный');
  });
});
