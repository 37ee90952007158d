import type { Indicator, TemplateDefinition, TemplatePurpose } from './template';

/**
 * Templates shipped with the system, from the seed documents: seed 003 item 7 (the check of a
 * school's ВСОКО documents), seed 000 items 2.6–2.10 (schedules, local acts ensuring objectivity,
 * olympiad acts, ВСОКО acts, self-evaluation reports) and seed 004 item 5 (site publications).
 * A district edits them in the builder; an edit makes a new version.
 */
export interface BuiltinTemplate {
  code: string;
  title: string;
  purpose: TemplatePurpose;
  description: string;
  definition: TemplateDefinition;
}

type I = Partial<Indicator> & Pick<Indicator, 'key' | 'title'>;
const yes = (i: I): Indicator => ({
  type: 'yes_no',
  weight: 1,
  required: true,
  evidence: 'required',
  ...i,
});
const scale = (i: I): Indicator => ({
  type: 'scale',
  scaleMax: 2,
  weight: 1,
  required: true,
  evidence: 'none',
  ...i,
});
const link = (i: I): Indicator => ({
  type: 'evidence',
  weight: 1,
  required: true,
  evidence: 'required',
  ...i,
});
const num = (i: I): Indicator => ({
  type: 'number',
  weight: 0,
  required: true,
  evidence: 'none',
  ...i,
});
const note = (i: I): Indicator => ({
  type: 'text',
  weight: 0,
  required: false,
  evidence: 'none',
  ...i,
});

const SCALE_HINT = '0 — нет, 1 — есть, но неполно или устарело, 2 — есть, полно и актуально';

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  {
    code: 'vsoko_check',
    title: 'Проверка ОО по вопросам ВСОКО',
    purpose: 'checklist',
    description:
      'Проверка ОО в части документов ВСОКО (план мероприятий Богучанского района, п. 7): нормативная документация, сайт, протоколы, план мероприятий, результаты и управленческие решения',
    definition: {
      sections: [
        {
          key: 'norm',
          title: 'Нормативно-правовая документация ВСОКО',
          indicators: [
            yes({
              key: 'norm.polozhenie',
              title: 'Положение о ВСОКО утверждено и действует',
              weight: 2,
            }),
            yes({
              key: 'norm.tk_pa',
              title:
                'Положение о формах, периодичности, порядке текущего контроля успеваемости и промежуточной аттестации',
            }),
            yes({
              key: 'norm.order',
              title:
                'Приказ о функционировании ВСОКО в текущем учебном году (ответственные, сроки)',
            }),
            scale({
              key: 'norm.quality',
              title: 'Актуальность и полнота локальных актов ВСОКО',
              hint: SCALE_HINT,
            }),
          ],
        },
        {
          key: 'site',
          title: 'Документы ВСОКО на сайте ОО',
          indicators: [
            link({
              key: 'site.docs',
              title: 'Актуальные документы по вопросам ВСОКО размещены на сайте ОО (ссылка)',
            }),
            link({
              key: 'site.schedule',
              title: 'График оценочных процедур размещён на сайте ОО (ссылка)',
            }),
            link({
              key: 'site.results',
              title: 'Результаты ВСОКО (справки, отчёты) размещены на сайте ОО (ссылка)',
              required: false,
            }),
          ],
        },
        {
          key: 'protocols',
          title: 'Протоколы',
          indicators: [
            yes({
              key: 'protocols.council',
              title: 'Протоколы педагогических советов (совещаний) по вопросам ВСОКО',
            }),
            yes({
              key: 'protocols.parents',
              title: 'Протоколы родительских собраний с рассмотрением вопросов ВСОКО',
            }),
          ],
        },
        {
          key: 'plan',
          title: 'План мероприятий',
          indicators: [
            yes({
              key: 'plan.objectivity',
              title:
                'План мероприятий, обеспечивающих объективность проведения ВСОКО, разработан и утверждён',
              weight: 2,
            }),
          ],
        },
        {
          key: 'results',
          title: 'Результаты ВСОКО и управленческие решения',
          indicators: [
            yes({
              key: 'results.reports',
              title: 'Аналитические справки по итогам оценочных процедур ВСОКО',
            }),
            yes({
              key: 'results.decisions',
              title: 'Управленческие решения (приказы) по итогам ВСОКО',
              weight: 2,
            }),
            num({
              key: 'results.decision_count',
              title: 'Число управленческих решений по итогам ВСОКО за учебный год',
              weight: 1,
              target: { min: 1 },
            }),
            note({ key: 'results.note', title: 'Комментарий' }),
          ],
        },
      ],
    },
  },
  {
    code: 'objectivity_acts',
    title: 'Локальные акты, обеспечивающие объективность процедур оценки качества',
    purpose: 'expert_card',
    description:
      'Анализ локальных актов ОО об объективности оценочных процедур (ВПР, РМ) — план ИМЦ Фрунзенского района, п. 2.7',
    definition: {
      sections: [
        {
          key: 'order',
          title: 'Порядок проведения ВПР и региональных мониторингов',
          indicators: [
            yes({
              key: 'order.vpr',
              title: 'Приказ о порядке проведения ВПР в ОО (сроки, организаторы, ответственные)',
              weight: 2,
            }),
            yes({
              key: 'order.rm',
              title: 'Приказ о порядке проведения региональных мониторингов (РМ)',
            }),
            yes({
              key: 'order.organizers',
              title:
                'Организаторы в аудиториях — не учителя предмета, по которому проводится работа',
            }),
            yes({
              key: 'order.observers',
              title: 'Предусмотрено общественное (независимое) наблюдение',
            }),
          ],
        },
        {
          key: 'checking',
          title: 'Проверка работ',
          indicators: [
            yes({
              key: 'checking.criteria',
              title: 'Проверка работ по критериям комиссией, а не одним учителем класса',
              weight: 2,
            }),
            yes({
              key: 'checking.cross',
              title: 'Предусмотрены взаимопроверка или перепроверка работ',
            }),
            yes({
              key: 'checking.storage',
              title: 'Порядок хранения материалов и работ обучающихся',
            }),
          ],
        },
        {
          key: 'use',
          title: 'Использование результатов',
          indicators: [
            yes({
              key: 'use.analysis',
              title: 'Результаты анализируются в сопоставлении с текущими отметками (ВПР ↔ журнал)',
            }),
            scale({
              key: 'use.quality',
              title: 'Полнота и соответствие актов федеральным рекомендациям',
              hint: SCALE_HINT,
              weight: 2,
            }),
            note({ key: 'use.note', title: 'Замечания эксперта' }),
          ],
        },
      ],
    },
  },
  {
    code: 'olympiad_acts',
    title: 'Локальные акты об объективности всероссийской олимпиады школьников',
    purpose: 'expert_card',
    description:
      'Анализ локальных актов ОО об объективности ВсОШ — план ИМЦ Фрунзенского района, п. 2.8',
    definition: {
      sections: [
        {
          key: 'org',
          title: 'Организация школьного этапа',
          indicators: [
            yes({
              key: 'org.order',
              title: 'Приказ о проведении школьного этапа ВсОШ (сроки, ответственные)',
              weight: 2,
            }),
            yes({
              key: 'org.jury',
              title: 'Состав жюри утверждён; в жюри не только учителя участников',
            }),
            yes({ key: 'org.observers', title: 'Предусмотрено общественное наблюдение' }),
            yes({
              key: 'org.confidential',
              title: 'Меры по обеспечению конфиденциальности заданий',
            }),
          ],
        },
        {
          key: 'results',
          title: 'Результаты и апелляции',
          indicators: [
            yes({ key: 'results.appeal', title: 'Порядок показа работ и апелляции' }),
            link({
              key: 'results.protocols',
              title: 'Протоколы жюри (рейтинги) опубликованы (ссылка)',
            }),
            scale({ key: 'results.quality', title: 'Полнота актов', hint: SCALE_HINT }),
          ],
        },
      ],
    },
  },
  {
    code: 'vsoko_acts',
    title: 'Локальные акты, обеспечивающие функционирование ВСОКО',
    purpose: 'expert_card',
    description:
      'Анализ локальных актов о ВСОКО — план ИМЦ Фрунзенского района, п. 2.9; дорожная карта Анжеро-Судженска, пп. 5–6',
    definition: {
      sections: [
        {
          key: 'acts',
          title: 'Локальные акты',
          indicators: [
            yes({
              key: 'acts.polozhenie',
              title: 'Положение о ВСОКО: цели, объекты, процедуры, ответственные, периодичность',
              weight: 2,
            }),
            yes({
              key: 'acts.tk_pa',
              title: 'Положение о текущем контроле и промежуточной аттестации обновлено',
            }),
            yes({
              key: 'acts.schedule',
              title: 'Единый график оценочных процедур утверждён приказом',
            }),
            yes({ key: 'acts.vshk', title: 'План внутришкольного контроля' }),
          ],
        },
        {
          key: 'quality',
          title: 'Качество актов',
          indicators: [
            scale({
              key: 'quality.objectivity',
              title: 'Механизмы обеспечения объективности описаны',
              hint: SCALE_HINT,
              weight: 2,
            }),
            scale({
              key: 'quality.decisions',
              title: 'Описан порядок принятия управленческих решений по итогам ВСОКО',
              hint: SCALE_HINT,
            }),
            note({ key: 'quality.note', title: 'Замечания эксперта' }),
          ],
        },
      ],
    },
  },
  {
    code: 'self_evaluation',
    title: 'Отчёт о самообследовании: показатели качества подготовки',
    purpose: 'questionnaire',
    description:
      'Показатели отчёта о самообследовании (Приказ Минобрнауки № 1324 от 10.12.2013, Приложение 2; нумерация по памяти, см. methodology.md §7) — план ИМЦ Фрунзенского района, п. 2.10',
    definition: {
      sections: [
        {
          key: 'report',
          title: 'Отчёт',
          indicators: [
            link({
              key: 'report.published',
              title: 'Отчёт о самообследовании размещён на сайте ОО (ссылка)',
              weight: 2,
            }),
            yes({
              key: 'report.indicators',
              title: 'Отчёт содержит показатели по Приложению 2 приказа № 1324',
            }),
            scale({
              key: 'report.analysis',
              title: 'Анализ предметных и метапредметных результатов',
              hint: SCALE_HINT,
              weight: 2,
              evidence: 'none',
            }),
          ],
        },
        {
          key: 'ind',
          title: 'Показатели (для сопоставления)',
          indicators: [
            num({ key: 'ind.1_1', title: '1.1 Общая численность учащихся, чел.' }),
            num({
              key: 'ind.1_5',
              title:
                '1.5 Удельный вес учащихся, успевающих на «4» и «5» по итогам промежуточной аттестации, %',
            }),
            num({
              key: 'ind.1_6',
              title: '1.6 Средний балл ГИА 9 класса по русскому языку',
              required: false,
            }),
            num({
              key: 'ind.1_7',
              title: '1.7 Средний балл ГИА 9 класса по математике',
              required: false,
            }),
            num({
              key: 'ind.1_8',
              title: '1.8 Средний балл ЕГЭ по русскому языку',
              required: false,
            }),
            num({ key: 'ind.1_9', title: '1.9 Средний балл ЕГЭ по математике', required: false }),
            num({
              key: 'ind.1_10',
              title:
                '1.10 Удельный вес выпускников 9 класса с неудовлетворительными результатами ГИА по русскому языку, %',
              required: false,
            }),
            num({
              key: 'ind.1_11',
              title:
                '1.11 Удельный вес выпускников 9 класса с неудовлетворительными результатами ГИА по математике, %',
              required: false,
            }),
          ],
        },
        {
          key: 'gap',
          title: 'Согласованность внутренней и внешней оценки',
          indicators: [
            scale({
              key: 'gap.internal_external',
              title: 'Доля «4» и «5» (1.5) согласуется с внешними результатами (ВПР, ГИА)',
              hint: '0 — расхождение велико, 1 — умеренное, 2 — согласуется',
              evidence: 'none',
            }),
          ],
        },
      ],
    },
  },
  {
    code: 'schedule_check',
    title: 'График оценочных процедур',
    purpose: 'checklist',
    description:
      'Анализ графика оценочных процедур — план ИМЦ Фрунзенского района, п. 2.6; нормы: письмо Минпросвещения и Рособрнадзора от 06.08.2021 № СК-228/03, 01-169/08-01',
    definition: {
      sections: [
        {
          key: 'doc',
          title: 'Утверждение и публикация',
          indicators: [
            yes({ key: 'doc.approved', title: 'Единый график утверждён приказом директора' }),
            link({
              key: 'doc.published',
              title: 'График размещён на сайте ОО в разделе «Документы» (ссылка)',
            }),
          ],
        },
        {
          key: 'limits',
          title: 'Федеральные ограничения (по автоматической проверке графика)',
          indicators: [
            yes({
              key: 'limits.share',
              title: 'Не более 10% учебного времени по предмету на оценочные процедуры',
              evidence: 'none',
              weight: 2,
            }),
            yes({
              key: 'limits.per_day',
              title: 'Не более одной оценочной процедуры в классе в день',
              evidence: 'none',
            }),
            yes({
              key: 'limits.gap',
              title: 'По предмету не чаще одного раза в 2,5 недели',
              evidence: 'none',
            }),
            yes({
              key: 'limits.edge',
              title:
                'Процедуры не на первом и не на последнем уроке (кроме предметов с 1 ч в неделю)',
              evidence: 'none',
            }),
          ],
        },
      ],
    },
  },
];
