/** Shown in the OpenAPI document; kept equal to package.json's version. */
export const API_VERSION = '0.1.0';
