import { randomBytes, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CreateReportDto, ReportView } from '@yizhan/contracts';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from '../../src/modules/departments/department.entity';
import { MediaEntity } from '../../src/modules/media/media.entity';
import { phashBands } from '../../src/modules/media/perceptual-hash';
import { ReportCategoryEntity } from '../../src/modules/report-categories/report-category.entity';
import { createDistrict, createUser, District } from './accounts';
import { grantConsent } from './checkin-flow';
import { api, ApiResponse } from './http';
import { createRule } from './points';
import { tokenFor } from './rewards';

/** A district ready to take reports: a department, two categories, a report rule, a worker. */
export interface ReportingDistrict extends District {
  department: DepartmentEntity;
  roads: ReportCategoryEntity;
  fire: ReportCategoryEntity;
  tokens: { worker: string; handler: string; admin: string };
  worker: { id: string };
  /** Where its station stands: reports here land in its street. */
  origin: { lat: number; lng: number };
}

export const REPORT_POINTS = 20;

export async function createReportingDistrict(
  app: NestFastifyApplication,
  name: string,
  origin: { lat: number; lng: number },
): Promise<ReportingDistrict> {
  const dataSource = app.get(DataSource);
  const district = await createDistrict(app, name, origin);
  const department = Object.assign(new DepartmentEntity(), {
    id: randomUUID(),
    regionId: district.district.id,
    name: `${name}城市管理局`,
    phone: null,
  });
  await dataSource.getRepository(DepartmentEntity).insert(department);
  const category = (code: string, label: string, slaHours: number) =>
    Object.assign(new ReportCategoryEntity(), {
      id: randomUUID(),
      regionId: district.district.id,
      code,
      name: label,
      icon: code === 'fire_hazard' ? 'fire' : 'road',
      slaHours,
      defaultDepartmentId: department.id,
      active: true,
      sortOrder: code === 'fire_hazard' ? 2 : 1,
    });
  const roads = category('road_damage', '道路破损', 72);
  const fire = category('fire_hazard', '消防隐患', 4);
  await dataSource.getRepository(ReportCategoryEntity).insert([roads, fire]);
  await createRule(dataSource, {
    region: district.district,
    kind: 'report',
    points: REPORT_POINTS,
    dailyCap: 100,
  });
  const worker = await newReporter(app);
  const tokenOf = (id: string) => tokenFor(app, { id });
  return {
    ...district,
    department,
    roads,
    fire,
    worker: { id: worker.id },
    tokens: {
      worker: worker.token,
      handler: await tokenOf(district.staff.handler.id),
      admin: await tokenOf(district.staff.district_admin.id),
    },
    origin,
  };
}

/**
 * A worker who agreed to share their location, with an access token on the real clock (suites
 * pin the server's clock; token expiry reads the real one).
 */
export async function newReporter(
  app: NestFastifyApplication,
): Promise<{ id: string; token: string }> {
  const worker = await createUser(app);
  await grantConsent(app.get(DataSource), worker.id, 'location');
  return { id: worker.id, token: await tokenFor(app, worker) };
}

/**
 * Photo rows as POST /media leaves them (the upload pipeline is tested on its own); each with
 * a random perceptual hash unless one is given.
 */
export async function uploadedPhotos(
  dataSource: DataSource,
  uploaderId: string,
  count: number,
  phash?: string,
): Promise<string[]> {
  const rows = Array.from({ length: count }, () => {
    const id = randomUUID();
    const hash = phash ?? randomBytes(8).toString('hex');
    const [b0, b1, b2, b3] = phashBands(hash);
    return Object.assign(new MediaEntity(), {
      id,
      uploaderId,
      storageKey: `photos/test/${id}.jpg`,
      thumbKey: `photos/test/${id}-thumb.jpg`,
      contentType: 'image/jpeg',
      bytes: 1000,
      width: 800,
      height: 600,
      phash: hash,
      phashBand0: b0,
      phashBand1: b1,
      phashBand2: b2,
      phashBand3: b3,
      targetType: null,
      targetId: null,
      position: 0,
      attachedAt: null,
    });
  });
  await dataSource.getRepository(MediaEntity).insert(rows);
  return rows.map((row) => row.id);
}

export function reportBody(
  at: { lat: number; lng: number },
  overrides: Partial<CreateReportDto> = {},
): CreateReportDto {
  return {
    clientRequestId: randomUUID(),
    category: 'road_damage',
    description: '桥上护栏倾斜，电动车容易刮到',
    lat: at.lat,
    lng: at.lng,
    address: '测试路 1 号',
    mediaIds: [],
    ...overrides,
  };
}

export function submitReport(
  app: NestFastifyApplication,
  token: string,
  body: CreateReportDto,
): Promise<ApiResponse<ReportView>> {
  return api<ReportView>(app, { method: 'POST', path: '/reports', token, body });
}

export function act(
  app: NestFastifyApplication,
  token: string,
  reportId: string,
  action: string,
  body: object = {},
): Promise<ApiResponse<ReportView>> {
  return api<ReportView>(app, {
    method: 'POST',
    path: `/reports/${reportId}/${action}`,
    token,
    body,
  });
}
