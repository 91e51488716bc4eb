/** Stylesheets imported by components mean nothing under jest (mapped in jest.config.js). */
export {};
