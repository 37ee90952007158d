/** Roles a user can hold. Each assignment carries a scope (see scope.ts). */
export const ROLES = [
  'district_admin',
  'district_specialist',
  'school_admin',
  'expert',
  'observer',
  'teacher',
  'readonly',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  district_admin: 'Администратор района',
  district_specialist: 'Специалист района (ИМЦ, ЦОКО, УО)',
  school_admin: 'Администратор ОО',
  expert: 'Эксперт',
  observer: 'Общественный наблюдатель',
  teacher: 'Учитель',
  readonly: 'Только просмотр',
};

/** The scope kinds an assignment of each role may take. */
export const SCOPE_KINDS = ['municipality', 'school', 'schools'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const SCOPE_KIND_LABELS: Record<ScopeKind, string> = {
  municipality: 'муниципалитет',
  school: 'одна ОО',
  schools: 'набор ОО',
};

export const ALLOWED_SCOPES: Record<Role, readonly ScopeKind[]> = {
  district_admin: ['municipality'],
  district_specialist: ['municipality'],
  school_admin: ['school'],
  // An expert's schools come from the expert groups they belong to.
  expert: ['municipality'],
  observer: ['schools', 'municipality'],
  teacher: ['school'],
  readonly: ['municipality', 'school', 'schools'],
};

/** Roles a school administrator may grant inside their own school. */
export const SCHOOL_GRANTABLE_ROLES: readonly Role[] = ['school_admin', 'teacher', 'readonly'];

export const isRole = (value: string): value is Role =>
  (ROLES as readonly string[]).includes(value);
