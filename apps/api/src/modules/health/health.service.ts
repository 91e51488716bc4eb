import { Injectable } from '@nestjs/common';
import { ServiceUnavailableError } from '../../common/errors/domain.error';
import { DatabaseProbe } from './database-probe';

export interface HealthStatus {
  status: 'ok';
}

@Injectable()
export class HealthService {
  constructor(private readonly database: DatabaseProbe) {}

  /** The process is up and serving. */
  live(): HealthStatus {
    return { status: 'ok' };
  }

  /** Ready only when the database answers; otherwise 503 so a balancer stops sending work. */
  async ready(): Promise<HealthStatus> {
    if (!(await this.database.answers())) {
      throw new ServiceUnavailableError('The database does not answer');
    }
    return { status: 'ok' };
  }
}
