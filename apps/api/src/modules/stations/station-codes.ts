import { hkdfSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CheckinMethod } from '@yizhan/contracts';
import { Clock } from '../../common/clock';
import { SERVER_SECRETS } from '../../common/crypto/crypto.module';
import { ServerSecrets } from '../../common/crypto/server-secrets';
import {
  hasValidMac,
  isLiveStepCurrent,
  liveStepAt,
  liveStepEnd,
  signStationCode,
  StationCode,
  stationKey,
} from './station-code';
import { StationEntity } from './station.entity';

/** A code the server issued for a station: what it says and until when it is shown. */
export interface IssuedCode {
  code: string;
  /** The live code's step (null for a poster code). */
  step: number | null;
  expiresAt: Date | null;
}

/**
 * Issues and verifies station codes with keys derived from the server's data key, so no station
 * secret is stored: a database dump alone cannot forge a code, and rotating a station's code
 * generation (`codeVersion`) retires its posters.
 */
@Injectable()
export class StationCodes {
  private readonly masterKey: Buffer;

  constructor(
    @Inject(SERVER_SECRETS) secrets: ServerSecrets,
    private readonly clock: Clock,
  ) {
    this.masterKey = Buffer.from(
      hkdfSync('sha256', secrets.dataEncryptionKey, 'yizhan', 'station-codes', 32),
    );
  }

  /** The printed poster's code for the station's current generation. */
  posterCode(station: Pick<StationEntity, 'id' | 'codeVersion'>): string {
    return signStationCode(
      this.keyOf(station),
      CheckinMethod.Poster,
      station.id,
      station.codeVersion,
    );
  }

  /** The rotating code of the current time step. */
  liveCode(station: Pick<StationEntity, 'id' | 'codeVersion'>): IssuedCode {
    const step = liveStepAt(this.clock.now());
    return {
      code: signStationCode(this.keyOf(station), CheckinMethod.Live, station.id, step),
      step,
      expiresAt: liveStepEnd(step),
    };
  }

  /** Whether `code` (already parsed) is genuine and current for `station`. */
  isValid(code: StationCode, station: Pick<StationEntity, 'id' | 'codeVersion'>): boolean {
    return this.verify(code, station) === 'valid';
  }

  /**
   * `valid`: the MAC under the station's key, a poster of the current generation, a live step
   * not stale. `expired`: genuine but retired (a poster of an earlier generation, a live code
   * past its grace step). `forged`: anything else, another station's code included.
   */
  verify(
    code: StationCode,
    station: Pick<StationEntity, 'id' | 'codeVersion'>,
  ): 'valid' | 'expired' | 'forged' {
    if (code.stationId !== station.id) return 'forged';
    if (code.method === CheckinMethod.Poster) {
      if (code.counter < 1 || code.counter > station.codeVersion) return 'forged';
      const generation = { id: station.id, codeVersion: code.counter };
      if (!hasValidMac(this.keyOf(generation), code)) return 'forged';
      return code.counter === station.codeVersion ? 'valid' : 'expired';
    }
    if (!hasValidMac(this.keyOf(station), code)) return 'forged';
    return isLiveStepCurrent(code.counter, this.clock.now()) ? 'valid' : 'expired';
  }

  private keyOf(station: Pick<StationEntity, 'id' | 'codeVersion'>): Buffer {
    return stationKey(this.masterKey, station.id, station.codeVersion);
  }
}
