import { PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { ExpiryRun, LedgerService } from './ledger.service';
import {
  POINTS_EXPIRY_FIRST_RUN_MS,
  POINTS_EXPIRY_INTERVAL_MS,
  PointsExpiryJob,
} from './points-expiry.job';

function build(nodeEnv: string) {
  let release: (run: ExpiryRun) => void = () => undefined;
  const expireDue = jest.fn(() => new Promise<ExpiryRun>((resolve) => (release = resolve)));
  const ledger = { expireDue } as unknown as LedgerService;
  const logger = { info: jest.fn(), error: jest.fn() } as unknown as PinoLogger;
  const job = new PointsExpiryJob(ledger, { nodeEnv } as AppConfig, logger);
  return { job, expireDue, finish: () => release({ lots: 0, points: 0, failures: 0 }) };
}

/** Lets the finished pass's `then`/`finally` handlers run. */
async function flushPromises(): Promise<void> {
  for (let step = 0; step < 10; step += 1) await Promise.resolve();
}

describe(PointsExpiryJob.name, () => {
  afterEach(() => jest.useRealTimers());

  it('runs a minute after start, then hourly, never two passes at once', async () => {
    jest.useFakeTimers();
    const { job, expireDue, finish } = build('production');
    job.onApplicationBootstrap();

    jest.advanceTimersByTime(POINTS_EXPIRY_FIRST_RUN_MS);
    jest.advanceTimersByTime(POINTS_EXPIRY_INTERVAL_MS);
    expect(expireDue).toHaveBeenCalledTimes(1);
    finish();
    await flushPromises();
    jest.advanceTimersByTime(POINTS_EXPIRY_INTERVAL_MS);
    expect(expireDue).toHaveBeenCalledTimes(2);
    finish();
    await job.onApplicationShutdown();
  });

  it('stays off under tests', () => {
    jest.useFakeTimers();
    const { job, expireDue } = build('test');
    job.onApplicationBootstrap();

    jest.advanceTimersByTime(POINTS_EXPIRY_INTERVAL_MS * 3);

    expect(expireDue).not.toHaveBeenCalled();
  });
});
