import { CodeRotationResponse } from '@yizhan/contracts';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { StationAdminService } from '../../src/modules/stations/station-admin.service';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { createDistrict } from '../support/accounts';
import { api } from '../support/http';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

const ROTATIONS = 16;

describe(`${StationAdminService.name}: rotations on parallel connections (MariaDB)`, () => {
  const ctx = useTestApp();

  it('raises the code generation once per rotation across two API processes, none lost', async () => {
    const liuyang = await createDistrict(ctx.app, 'liuyang');
    const other = await ctx.bootAnother();
    const admin = await tokenFor(ctx.app, liuyang.staff.district_admin);
    const stationId = liuyang.station.id;

    const responses = await Promise.all(
      Array.from({ length: ROTATIONS }, (_, index) =>
        api<CodeRotationResponse>(index % 2 === 0 ? ctx.app : other, {
          method: 'POST',
          path: `/stations/${stationId}/code-rotation`,
          token: admin,
        }),
      ),
    );

    expect(responses.every((response) => response.status === 200)).toBe(true);
    const versions = responses.map((response) => response.body.codeVersion).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: ROTATIONS }, (_, index) => index + 2));
    const station = await ctx.dataSource
      .getRepository(StationEntity)
      .findOneByOrFail({ id: stationId });
    expect(station.codeVersion).toBe(ROTATIONS + 1);
    const audits = await ctx.dataSource
      .getRepository(AuditEntryEntity)
      .findBy({ action: 'station.code_rotation', targetId: stationId });
    expect(
      audits
        .map((entry) => (entry.after as { codeVersion: number }).codeVersion)
        .sort((a, b) => a - b),
    ).toEqual(versions);
  });
});
