import { ORG_KIND_LABELS, type OrgKind } from '../../core/registry/organisations';
import { formatClassName } from '../../core/registry/classes';
import type { ClassRow } from '../../db/repositories/classes';
import type { OrgRow } from '../../db/repositories/organisations';
import type { AcademicYearRow, SubjectRow } from '../../db/repositories/reference';
import type { StudentRow } from '../../db/repositories/students';
import type { ClassView } from '../../shared/classes';
import type { OrgView } from '../../shared/orgs';
import type { AcademicYearView, SubjectView } from '../../shared/reference';
import type { StudentView } from '../../shared/students';

export function presentOrg(r: { org: OrgRow; municipalityName: string }): OrgView {
  const { org } = r;
  const kind = org.kind as OrgKind;
  return {
    id: org.id,
    municipalityId: org.municipalityId,
    municipalityName: r.municipalityName,
    category: org.category,
    kind,
    kindLabel: ORG_KIND_LABELS[kind] ?? org.kind,
    fisLogin: org.fisLogin,
    number: org.number,
    fullName: org.fullName,
    shortName: org.shortName,
    address: org.address,
    directorName: org.directorName,
    phone: org.phone,
    email: org.email,
    website: org.website,
    isActive: org.isActive,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

export function presentClass(r: { cls: ClassRow; academicYearName: string }): ClassView {
  return {
    id: r.cls.id,
    orgId: r.cls.orgId,
    academicYearId: r.cls.academicYearId,
    academicYearName: r.academicYearName,
    parallel: r.cls.parallel,
    letter: r.cls.letter,
    name: formatClassName(r.cls.parallel, r.cls.letter),
    profile: r.cls.profile,
    studentCount: r.cls.studentCount,
  };
}

export function presentStudent(r: { student: StudentRow; classNames: string[] }): StudentView {
  return {
    id: r.student.id,
    orgId: r.student.orgId,
    code: r.student.code,
    classNames: r.classNames,
    createdAt: r.student.createdAt.toISOString(),
  };
}

export const presentAcademicYear = (y: AcademicYearRow): AcademicYearView => ({
  id: y.id,
  startYear: y.startYear,
  name: y.name,
  startsOn: y.startsOn,
  endsOn: y.endsOn,
  isCurrent: y.isCurrent,
});

export const presentSubject = (s: SubjectRow): SubjectView => ({
  id: s.id,
  code: s.code,
  name: s.name,
  shortName: s.shortName,
  fisCode: s.fisCode,
});
