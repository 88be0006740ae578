import type { Sheet } from '@retention/api-reports';
import type { TeamStatements } from '@retention/contracts';

/** The team's statements as one sheet, a row per person (cells go through the reports' exportCell). */
export function statementSheets(team: TeamStatements): Sheet[] {
  return [
    {
      name: `Statements ${team.month}`,
      columns: [
        { key: 'displayName', header: 'Person', format: 'text' },
        { key: 'role', header: 'Role', format: 'text' },
        { key: 'team', header: 'Team', format: 'text' },
        { key: 'requestsHandled', header: 'Requests handled', format: 'int' },
        { key: 'saves', header: 'Saves', format: 'int' },
        { key: 'savesPending', header: 'Pending', format: 'int' },
        { key: 'savesConfirmed', header: 'Confirmed', format: 'int' },
        { key: 'savesLost', header: 'Lost', format: 'int' },
        { key: 'saveRate', header: 'Save rate', format: 'percent' },
        { key: 'savedRevenue', header: 'Saved monthly revenue', format: 'money' },
        { key: 'offerCost', header: 'Cost of offers', format: 'money' },
        { key: 'callbacksKept', header: 'Call-backs kept', format: 'int' },
        { key: 'callbacksMissed', header: 'Call-backs missed', format: 'int' },
        { key: 'slaBreaches', header: 'SLA breaches', format: 'int' },
        { key: 'reasonsUnknown', header: 'Reasons unknown', format: 'int' },
        { key: 'casesReturned', header: 'Hidden-churn cases returned', format: 'int' },
        { key: 'nps', header: 'NPS', format: 'decimal' },
        { key: 'csat', header: 'CSAT', format: 'percent' },
        { key: 'signedUp', header: 'Signed up', format: 'int' },
        { key: 'stayed6m', header: 'Stayed 6 months', format: 'int' },
        { key: 'stayed12m', header: 'Stayed 12 months', format: 'int' },
        { key: 'earned', header: 'Bonus earned', format: 'money' },
        { key: 'deferred', header: 'Deferred', format: 'money' },
        { key: 'released', header: 'Deferred released', format: 'money' },
        { key: 'clawedBack', header: 'Clawed back', format: 'money' },
        { key: 'totalPaid', header: 'Paid this month', format: 'money' },
      ],
      rows: team.statements.map((s) => ({
        displayName: s.displayName,
        role: s.role,
        team: s.team ?? '',
        ...s.figures,
        saveRate: s.saveRate,
        nps: s.nps,
        csat: s.csat,
        earned: (s.operatorBonus?.earned ?? 0) + (s.salesBonus?.earned ?? 0),
        deferred: s.operatorBonus?.deferred ?? 0,
        released: s.deferredReleases.reduce((a, r) => a + r.paid, 0),
        clawedBack: s.deferredReleases.reduce((a, r) => a + r.clawedBack, 0),
        totalPaid: s.totalPaid,
      })),
    },
  ];
}
