import type { ServiceDeps } from '../deps';
import { PlanActivityService } from './activities';
import { PlanDocumentService } from './documents';
import { PlanService } from './plans';
import { PlanTrackingService } from './tracking';

/** The plans module's services, registered as `services.plans`. */
export function createPlanServices(deps: ServiceDeps) {
  const plans = new PlanService(deps);
  return {
    plans,
    activities: new PlanActivityService(deps),
    tracking: new PlanTrackingService(deps),
    documents: new PlanDocumentService(deps, plans),
  };
}

export type PlanServices = ReturnType<typeof createPlanServices>;
