import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { API_PREFIX } from '@yizhan/contracts';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/load-config';
import { Public, RequiresConsent } from '../../src/modules/access/access.decorators';
import { ConsentGuard } from '../../src/modules/users/consent.guard';
import { createUser, sessionFor } from '../support/accounts';
import { api, outcome } from '../support/http';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** Routes that exist only in this test: no real route needs a consent yet. */
@Controller('consent-probe')
class ConsentProbeController {
  @Get('location')
  @RequiresConsent('location')
  location(): { ok: true } {
    return { ok: true };
  }

  @Get('photos')
  @RequiresConsent('photos')
  photos(): { ok: true } {
    return { ok: true };
  }

  @Get('public-location')
  @Public()
  @RequiresConsent('location')
  publicLocation(): { ok: true } {
    return { ok: true };
  }
}

describe(`${ConsentGuard.name} on a route marked @RequiresConsent (integration)`, () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The whole API (global guards included) plus the probe controller.
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(loadConfig({ ...database.env, LOG_LEVEL: 'silent' }))],
      controllers: [ConsentProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.setGlobalPrefix(API_PREFIX.replace(/^\//, ''));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const probe = (kind: string, token?: string) =>
    api<{ ok: boolean }>(app, { path: `/consent-probe/${kind}`, token });
  const consent = (token: string, method: 'POST' | 'DELETE', kind: string) =>
    method === 'POST'
      ? api(app, { method, path: '/me/consents', token, body: { kind, version: '2026-11' } })
      : api(app, { method, path: `/me/consents/${kind}`, token });

  it('refuses a caller without the consent with 403 CONSENT_REQUIRED naming the kind', async () => {
    const { accessToken } = await sessionFor(app, await createUser(app));

    const response = await probe('location', accessToken);

    expect(outcome(response)).toEqual([403, 'CONSENT_REQUIRED']);
    expect(response.body).toMatchObject({ error: { details: { kind: 'location' } } });
  });

  it('lets the caller through once they consent, and stops them again after withdrawal', async () => {
    const { accessToken } = await sessionFor(app, await createUser(app));

    expect((await consent(accessToken, 'POST', 'location')).status).toBe(201);
    const granted = await probe('location', accessToken);
    expect((await consent(accessToken, 'DELETE', 'location')).status).toBe(204);
    const withdrawn = await probe('location', accessToken);

    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({ ok: true });
    expect(outcome(withdrawn)).toEqual([403, 'CONSENT_REQUIRED']);
  });

  it('wants the consent of the kind the route names, not any consent', async () => {
    const { accessToken } = await sessionFor(app, await createUser(app));
    await consent(accessToken, 'POST', 'photos');

    expect(outcome(await probe('location', accessToken))).toEqual([403, 'CONSENT_REQUIRED']);
    expect((await probe('photos', accessToken)).status).toBe(200);
  });

  it('answers 401, not 403, to a caller who is not signed in', async () => {
    expect(outcome(await probe('location'))).toEqual([401, 'UNAUTHENTICATED']);
    expect(outcome(await probe('public-location'))).toEqual([401, 'UNAUTHENTICATED']);
  });

  it("does not count another user's consent", async () => {
    const consenting = await sessionFor(app, await createUser(app));
    const other = await sessionFor(app, await createUser(app));
    await consent(consenting.accessToken, 'POST', 'location');

    expect(outcome(await probe('location', other.accessToken))).toEqual([403, 'CONSENT_REQUIRED']);
  });
});
