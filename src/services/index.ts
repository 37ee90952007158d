import { AuditLogService } from './auditLog';
import { AuthService } from './auth/authService';
import { ClassService } from './classes';
import type { ServiceDeps } from './deps';
import { DocumentService } from './documents';
import { ExpertGroupService } from './expertGroups';
import { OrganisationService } from './organisations';
import { ReferenceService } from './reference';
import { ResultsService } from './results/browse';
import { TestCatalogService } from './results/catalog';
import { ResultImportService } from './results/imports';
import { SetupService } from './setup';
import { StudentService } from './students';
import { UserService } from './users';

export type { ServiceDeps } from './deps';

/** Every use case of the application, shared by the HTTP server and the CLI. */
export function createServices(deps: ServiceDeps) {
  return {
    deps,
    auth: new AuthService(deps),
    setup: new SetupService(deps),
    reference: new ReferenceService(deps),
    organisations: new OrganisationService(deps),
    classes: new ClassService(deps),
    students: new StudentService(deps),
    users: new UserService(deps),
    expertGroups: new ExpertGroupService(deps),
    documents: new DocumentService(deps),
    auditLog: new AuditLogService(deps),
    testCatalog: new TestCatalogService(deps),
    resultImports: new ResultImportService(deps),
    results: new ResultsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
