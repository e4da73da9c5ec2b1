import { installHook } from './hook';

/**
 * Installs window.mapDashboard (the browser tests' read-only hook) only in a build made for the tests
 * (MAPDASHBOARD_TEST_HOOK=1, as src/scripts/test.sh builds). In a production build __TEST_HOOK__ is the literal
 * false, the call is dead code, and the hook module is left out of the bundle entirely: a wall display on a
 * district network should not expose an automation surface.
 */
export function installTestHook(...args: Parameters<typeof installHook>): void {
  if (__TEST_HOOK__) installHook(...args);
}
