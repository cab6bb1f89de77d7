/** The app's version; the build replaces the variable with package.json's version. */
export const APP_VERSION: string = process.env.MINISTRY_TRACKER_VERSION ?? '0.0.0-dev';
