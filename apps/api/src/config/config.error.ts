/** One variable that failed validation. */
export interface ConfigIssue {
  variable: string;
  problem: string;
}

/** Thrown by `loadConfig`; its message is the single line the process prints before exiting. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration: ${issues.map((issue) => `${issue.variable} ${issue.problem}`).join('; ')}`,
    );
    this.name = 'ConfigError';
  }
}
