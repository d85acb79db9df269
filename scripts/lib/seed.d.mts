export const SEEDED: string;
export const SEEDING: string;
export function demoDirPlan(state: {
  seeded: boolean;
  seeding: boolean;
  hasStore: boolean;
}): 'reuse' | 'reset' | 'fresh';
export function prepareDemoDir(dataDir: string): { seeded: boolean };
export function seedDemoOnce(dataDir: string, trackingUri: string): Promise<boolean>;
