import type { ServiceDeps } from '../deps';
import { PlanActivityService } from './activities';
import { PlanAssignService } from './assign';
import { PlanDocumentService } from './documents';
import { PlanObjectiveService } from './objectives';
import { PlanService } from './plans';
import { PlanTrackingService } from './tracking';

/** The plans module's services, registered as `services.plans`. */
export function createPlanServices(deps: ServiceDeps) {
  const plans = new PlanService(deps);
  const activities = new PlanActivityService(deps);
  return {
    plans,
    activities,
    assign: new PlanAssignService(deps, activities),
    objectives: new PlanObjectiveService(deps),
    tracking: new PlanTrackingService(deps),
    documents: new PlanDocumentService(deps, plans),
  };
}

export type PlanServices = ReturnType<typeof createPlanServices>;
