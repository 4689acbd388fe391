/** Set at build time from package.json (and HEARD_BUILD_LABEL when given). */
declare const __APP_VERSION__: string;
