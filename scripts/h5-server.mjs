// Serves the H5 build as static files and forwards the API paths to the API, so the
// browser client talks to one origin (no CORS, relative `/api/v1` URLs).
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import httpProxy from '@fastify/http-proxy';
import { existsSync } from 'node:fs';

const API_PATHS = ['/api', '/health', '/ready'];

/**
 * @param {{ rootDir: string, apiOrigin: string, host?: string, port: number }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startH5Server({ rootDir, apiOrigin, host = '0.0.0.0', port }) {
  if (!existsSync(`${rootDir}/index.html`)) {
    throw new Error(`No H5 build at ${rootDir} (run: pnpm --filter @yizhan/miniapp build:h5)`);
  }
  const server = Fastify({ logger: false });
  for (const prefix of API_PATHS) {
    await server.register(httpProxy, { upstream: apiOrigin, prefix, rewritePrefix: prefix });
  }
  await server.register(fastifyStatic, { root: rootDir, index: ['index.html'] });
  await server.listen({ host, port });
  const address = server.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://localhost:${boundPort}`, close: () => server.close() };
}
