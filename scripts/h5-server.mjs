// Serves the H5 build as static files and forwards the API paths to the API, so the
// browser client talks to one origin (no CORS, relative `/api/v1` URLs).
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import httpProxy from '@fastify/http-proxy';
import { existsSync, readFileSync } from 'node:fs';

const API_PATHS = ['/api', '/health', '/ready'];

/**
 * The district console (apps/console) is served under /console/ beside the H5 client: a
 * single-page app, so any /console/… path that is not a file answers its index.html.
 * @param {{ rootDir: string, consoleDir?: string, apiOrigin: string, host?: string, port: number }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startH5Server({ rootDir, consoleDir, apiOrigin, host = '0.0.0.0', port }) {
  if (!existsSync(`${rootDir}/index.html`)) {
    throw new Error(`No H5 build at ${rootDir} (run: pnpm --filter @yizhan/miniapp build:h5)`);
  }
  const server = Fastify({ logger: false });
  for (const prefix of API_PATHS) {
    await server.register(httpProxy, { upstream: apiOrigin, prefix, rewritePrefix: prefix });
  }
  await server.register(fastifyStatic, { root: rootDir, index: ['index.html'] });
  if (consoleDir) {
    if (!existsSync(`${consoleDir}/index.html`)) {
      throw new Error(
        `No console build at ${consoleDir} (run: pnpm --filter @yizhan/console build)`,
      );
    }
    const consoleIndex = readFileSync(`${consoleDir}/index.html`);
    await server.register(fastifyStatic, {
      root: consoleDir,
      prefix: '/console/',
      decorateReply: false,
      index: ['index.html'],
    });
    server.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && /^\/console(\/|$)/.test(request.url)) {
        return reply.type('text/html; charset=utf-8').send(consoleIndex);
      }
      return reply.code(404).type('text/plain').send('Not found');
    });
  }
  await server.listen({ host, port });
  const address = server.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://localhost:${boundPort}`, close: () => server.close() };
}
