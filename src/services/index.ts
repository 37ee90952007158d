import { AnalysisRunService } from './analysis/runs';
import { AuditLogService } from './auditLog';
import { AuthService } from './auth/authService';
import { ClassService } from './classes';
import type { ServiceDeps } from './deps';
import { DocumentService } from './documents';
import { ExpertGroupService } from './expertGroups';
import { OrganisationService } from './organisations';
import { createPlanServices } from './plans';
import { PlanService } from './plans/plans';
import { ExternalInternalService } from './objectivity/externalInternal';
import { SupportProgrammeService } from './objectivity/supportProgramme';
import { ReferenceService } from './reference';
import { CampaignService } from './monitoring/campaigns';
import { MonitoringScreenService } from './monitoring/screen';
import { MonitoringTemplateService } from './monitoring/templates';
import { ScheduleService } from './schedules';
import { ResultsService } from './results/browse';
import { TestCatalogService } from './results/catalog';
import { CodeLinkService } from './results/links';
import { ResultImportService } from './results/imports';
import { JournalMarkService } from './results/journalMarks';
import { ObservationService } from './objectivity/observe';
import { ObjectivityReportService } from './objectivity/report';
import { SetupService } from './setup';
import { StudentService } from './students';
import { UserService } from './users';
import { ObjectivityCardService } from './objectivity/card';
import { RegionAggregateService } from './objectivity/regionAggregates';
import { ObjectivityScreenService } from './objectivity/screen';
import { OfficialListService } from './objectivity/officialLists';
import { DueProcessService } from './objectivity/dueProcess';
import { RunStore } from './objectivity/runStore';

export type { ServiceDeps } from './deps';

/** Every use case of the application, shared by the HTTP server and the CLI. */
export function createServices(deps: ServiceDeps) {
  const schedules = new ScheduleService(deps);
  const campaigns = new CampaignService(deps, schedules);
  const resultImports = new ResultImportService(deps);
  const analysisRuns = new AnalysisRunService(deps);
  // The stored analysis follows the results: re-run after each import and undo.
  resultImports.onResultsChanged((actor, ids, change) => analysisRuns.rerun(actor, ids, change));
  const regionAggregates = new RegionAggregateService(deps);
  // Runs carry the regional aggregates: re-run after a regional import changed them.
  regionAggregates.onRegionChanged((actor, ids) => analysisRuns.rerun(actor, ids, 'import'));
  // Finished runs never change: what the objectivity screens read of them is kept in memory.
  const runStore = new RunStore(deps.database);
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
    schedules,
    monitoringTemplates: new MonitoringTemplateService(deps),
    campaigns,
    monitoringScreen: new MonitoringScreenService(deps, campaigns, schedules),
    plans: createPlanServices(deps),
    testCatalog: new TestCatalogService(deps),
    resultImports,
    analysisRuns,
    results: new ResultsService(deps),
    codeLinks: new CodeLinkService(deps),
    journalMarks: new JournalMarkService(deps),
    objectivityReport: new ObjectivityReportService(deps),
    objectivityCard: new ObjectivityCardService(deps, runStore),
    regionAggregates,
    observations: new ObservationService(deps, runStore),
    objectivityScreen: new ObjectivityScreenService(deps, runStore),
    officialLists: new OfficialListService(deps),
    dueProcess: new DueProcessService(deps, runStore),
    supportProgramme: new SupportProgrammeService(deps, new PlanService(deps)),
    externalInternal: new ExternalInternalService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
