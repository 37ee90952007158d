import { analysisDemoStep } from './analysis';
import type { DemoStep } from './index';
import { monitoringDemoStep } from './monitoring';
import { observationsDemoStep } from './observations';
import { objectivityDemoStep } from './objectivity';
import { plansDemoStep } from './plans';
import { vprDemoStep } from './results/step';

/**
 * Demo steps after the registry, in order. Each feature appends its own step here
 * (assessment results, plans of measures, ВСОКО monitoring) and documents its simulation.
 */
export const DEMO_STEPS: DemoStep[] = [
  vprDemoStep,
  monitoringDemoStep,
  plansDemoStep,
  // The analysis reads the observation marks: they are stored first.
  observationsDemoStep,
  analysisDemoStep,
  objectivityDemoStep,
];
