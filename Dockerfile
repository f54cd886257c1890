# One image for every hub service; docker-compose.yml picks the entry point per service.
# syntax=docker/dockerfile:1

FROM node:24-bookworm-slim AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN npm install -g pnpm@10.34.8
WORKDIR /app

# Dependencies only, cached until a manifest or the lockfile changes.
FROM base AS deps
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY patches ./patches
COPY packages ./packages
COPY services ./services
COPY infra ./infra
COPY tests/package.json ./tests/package.json
RUN find packages services infra -type f ! -name package.json -delete \
 && pnpm install --frozen-lockfile --prod

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/packages ./packages
COPY --from=deps /app/services ./services
COPY --from=deps /app/infra ./infra
COPY . .
USER node
# Node 24 runs the TypeScript sources directly (type stripping); there is no separate build output.
CMD ["node", "--help"]
