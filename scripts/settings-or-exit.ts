/**
 * The report's settings for a script: when they cannot be used, the script prints their problems
 * as `npm run check` does and exits 1, without a stack trace.
 */
import { reportSettings, SettingsError, type ReportSettings } from '../src/build-time/settings/report-settings.ts';

export function settingsOrExit(contentDir: string): ReportSettings {
  try {
    return reportSettings(contentDir);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
