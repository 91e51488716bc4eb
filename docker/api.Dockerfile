# syntax=docker/dockerfile:1.7
# Production image of the API: built with the same commands CI runs
# (pnpm install --frozen-lockfile, pnpm --filter … build), then only the API's
# production dependencies are copied into a slim, non-root runtime stage.
# Build from the repository root:  docker build -f docker/api.Dockerfile -t yizhan-api .

ARG NODE_IMAGE=node:20.20-bookworm-slim
ARG PNPM_VERSION=12.21.0

FROM ${NODE_IMAGE} AS build
ARG PNPM_VERSION
# better-sqlite3 compiles its native addon from source.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
RUN npm install -g --no-fund --no-audit "pnpm@${PNPM_VERSION}"
WORKDIR /src
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml .npmrc tsconfig.base.json ./
COPY packages/contracts/package.json packages/contracts/
COPY apps/api/package.json apps/api/
RUN pnpm install --frozen-lockfile --filter "@yizhan/api..."
COPY packages/contracts packages/contracts
COPY apps/api apps/api
RUN pnpm --filter @yizhan/contracts build \
  && pnpm --filter @yizhan/api build \
  && pnpm --filter @yizhan/api deploy --legacy --prod /out

FROM ${NODE_IMAGE} AS runtime
# MALLOC_ARENA_MAX: glibc's per-thread arenas fragment under libvips (photo uploads); two
# keep parallel 12 MP uploads near 300 MB instead of 400 MB (docs/media.md).
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    MALLOC_ARENA_MAX=2
# The station posters render Chinese text with sharp: it needs a CJK font, and its bundled
# fontconfig reads /etc/fonts/fonts.conf (fontconfig-config) to find it (see docs/stations.md).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fontconfig-config fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /out ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# SIGTERM reaches node directly (exec form), which drains requests and closes the database.
CMD ["node", "dist/main.js"]
