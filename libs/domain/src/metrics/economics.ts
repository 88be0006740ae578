/**
 * Retention economics (docs/methodology.md, "Retention economics"): does keeping a subscriber cost
 * less than acquiring one? The cost of saves is what the offers given away cost plus the staff time
 * spent on the requests (saved or not: the effort to save), at a cost per hour. The revenue saved is
 * what the kept subscribers pay a month times the expected remaining lifetime; with a constant churn
 * rate the expected remaining lifetime of anyone still there is the base's expected lifetime.
 */
export interface RetentionEconomicsInput {
  /** Saves of the period not lost (the subscriber has not left within the confirming days). */
  saves: number;
  /** What the offers given to those saves cost the operator. */
  offerCost: number;
  /** Hours the desk spent on the period's requests, saved and lost. */
  staffHours: number;
  staffCostPerHour: number;
  /** What the saved subscribers pay a month (the revenue the requests put at risk). */
  monthlyRevenueSaved: number;
  expectedLifetimeMonths: number;
  /** What acquiring the saved services anew would have cost: the cost of acquisition of each; null when one is not known. */
  acquisitionCostOfSaved: number | null;
}

export interface RetentionEconomics {
  staffCost: number;
  costOfSaves: number;
  revenueSaved: number;
  /** Cost of saves per save (null without saves). */
  costPerSave: number | null;
  /** What acquiring a subscriber with the saved services would cost, per save (null without saves, or when a cost is not known). */
  costPerAcquisition: number | null;
  /** Revenue saved per unit of the cost of saves (null when saves cost nothing). */
  returnOnSaves: number | null;
  /** Keeping cost less than acquiring (null when either side is unknown). */
  keepingPaysBetter: boolean | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function retentionEconomics(i: RetentionEconomicsInput): RetentionEconomics {
  const staffCost = round2(i.staffHours * i.staffCostPerHour);
  const costOfSaves = round2(i.offerCost + staffCost);
  const revenueSaved = round2(i.monthlyRevenueSaved * i.expectedLifetimeMonths);
  const costPerSave = i.saves > 0 ? round2(costOfSaves / i.saves) : null;
  const costPerAcquisition = i.saves > 0 && i.acquisitionCostOfSaved !== null ? round2(i.acquisitionCostOfSaved / i.saves) : null;
  return {
    staffCost,
    costOfSaves,
    revenueSaved,
    costPerSave,
    costPerAcquisition,
    returnOnSaves: costOfSaves > 0 ? round2(revenueSaved / costOfSaves) : null,
    keepingPaysBetter: costPerSave === null || costPerAcquisition === null ? null : costPerSave < costPerAcquisition,
  };
}
