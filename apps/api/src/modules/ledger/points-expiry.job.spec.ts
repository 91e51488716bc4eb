import { PinoLogger } from 'nestjs-pino';
import { ExpiryRun, LedgerService } from './ledger.service';
import { PointsExpiryJob } from './points-expiry.job';

function build(expireDue: () => Promise<ExpiryRun>) {
  const logger = { info: jest.fn(), error: jest.fn() };
  const job = new PointsExpiryJob(
    { expireDue } as unknown as LedgerService,
    logger as unknown as PinoLogger,
  );
  return { job, logger };
}

describe(PointsExpiryJob.name, () => {
  it('logs a run that expired something', async () => {
    const { job, logger } = build(() => Promise.resolve({ lots: 2, points: 30, failures: 0 }));
    await job.scheduled();
    expect(logger.info).toHaveBeenCalledWith(
      { lots: 2, points: 30, failures: 0 },
      'Expired points',
    );
  });

  it('keeps quiet when nothing was due', async () => {
    const { job, logger } = build(() => Promise.resolve({ lots: 0, points: 0, failures: 0 }));
    await job.scheduled();
    expect(logger.info).not.toHaveBeenCalled();
  });

  it('logs a failed run instead of crashing the scheduler', async () => {
    const { job, logger } = build(() => Promise.reject(new Error('database down')));
    await expect(job.scheduled()).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalled();
  });
});
