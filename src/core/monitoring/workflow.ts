/**
 * Statuses of a campaign and of each school's self-report and expert card, and the moves
 * between them. Pure: the service applies them and writes the history.
 */
export const CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Подготовка',
  active: 'Идёт сбор',
  closed: 'Завершён',
};

export const SELF_STATUSES = ['not_started', 'draft', 'submitted', 'returned'] as const;
export type SelfStatus = (typeof SELF_STATUSES)[number];
export const SELF_STATUS_LABELS: Record<SelfStatus, string> = {
  not_started: 'Не начат',
  draft: 'Заполняется',
  submitted: 'Отправлен',
  returned: 'Возвращён на доработку',
};

export const CARD_STATUSES = ['not_started', 'draft', 'final'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];
export const CARD_STATUS_LABELS: Record<CardStatus, string> = {
  not_started: 'Не начата',
  draft: 'Заполняется',
  final: 'Итоговая (закрыта)',
};

export const CAMPAIGN_MOVES: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['active'],
  active: ['closed'],
  closed: [],
};

/** Why a school cannot change its self-report now, or null. */
export function selfEditRefusal(
  campaign: CampaignStatus,
  self: SelfStatus,
  card: CardStatus,
): string | null {
  if (campaign !== 'active') return 'Мониторинг не идёт: самоотчёт изменить нельзя';
  if (card === 'final') return 'Экспертная карта уже итоговая: самоотчёт закрыт';
  if (self === 'submitted')
    return 'Самоотчёт отправлен; изменить его можно, только если эксперт вернёт его на доработку';
  return null;
}

/** Why an expert cannot change the card now, or null. */
export function cardEditRefusal(campaign: CampaignStatus, card: CardStatus): string | null {
  if (campaign !== 'active') return 'Мониторинг не идёт: экспертную карту изменить нельзя';
  if (card === 'final') return 'Экспертная карта итоговая и закрыта для изменений';
  return null;
}

/** Why an expert cannot return the self-report for revision now, or null. */
export function returnRefusal(
  campaign: CampaignStatus,
  self: SelfStatus,
  card: CardStatus,
): string | null {
  if (campaign !== 'active') return 'Мониторинг не идёт';
  if (card === 'final') return 'Экспертная карта уже итоговая';
  if (self !== 'submitted') return 'Вернуть можно только отправленный самоотчёт';
  return null;
}

/** Why district staff cannot reopen a final expert card now, or null. */
export function reopenCardRefusal(campaign: CampaignStatus, card: CardStatus): string | null {
  if (campaign === 'closed') return 'Мониторинг завершён: сначала откройте заново сам мониторинг';
  if (campaign !== 'active') return 'Мониторинг не идёт';
  if (card !== 'final') return 'Открыть заново можно только итоговую экспертную карту';
  return null;
}

/** Why district staff cannot reopen a campaign now, or null. */
export function reopenCampaignRefusal(campaign: CampaignStatus): string | null {
  return campaign === 'closed' ? null : 'Открыть заново можно только завершённый мониторинг';
}
