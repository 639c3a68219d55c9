// Scenario 5 — notifications (issue 6). Placeholder until the proxy's outbox and the sandbox's Zalo send endpoints land.
import type { Scenario, ScenarioResult } from '../harness/report-types';

export const notifications: Scenario = {
  id: 'notifications',
  title: 'Notifications: 10,000 status changes with 20% transient Zalo failures',
  async run(): Promise<ScenarioResult> {
    return {
      id: this.id,
      title: this.title,
      available: false,
      notes: ['Not available yet: the proxy\'s notification outbox and worker (issue 6) are not in this commit.'],
      tables: [],
      budgets: [{ name: 'Notifications rate vs the provider rate limit', budget: '≥ 0.9×', actual: 'not available yet', pass: null }],
      checks: [],
      figures: { available: false },
    };
  },
};
