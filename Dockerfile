# syntax=docker/dockerfile:1
#
# One image for every Switchboard service. The command picks the service:
#   node dist/apps/gateway/src/main.js          (the default below)
#   node dist/apps/conversations/src/main.js
#   node dist/apps/router/src/main.js
#   node dist/apps/sla/src/main.js
#   node dist/libs/db/src/cli/migrate.js        (one-shot: applies pending migrations)
# docker-compose.yml and k8s/ set the command explicitly for each container.
#
# Node 20.19 or newer is required (the compiled CommonJS output require()s NestJS's ES
# modules); the node:20 tags track the newest 20.x release.

# --- build: install everything, compile with swc, then drop dev dependencies ----------
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Dependencies first, so a source change does not reinstall them.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime: compiled output and production dependencies only ------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Owned by root and only readable by the service user: the app cannot modify its own code,
# and it writes nothing to disk (JSON logs go to stdout), so a read-only root file system works.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

# The node image's unprivileged user (uid/gid 1000).
USER node

# gateway listens on 3000, conversations on 3001, router on 3002, sla on 3003 (each
# overridable with PORT). EXPOSE only documents them: compose and k8s/ publish ports explicitly.
EXPOSE 3000 3001 3002 3003

# Node handles SIGTERM itself (graceful shutdown drains in-flight Kafka work), so it runs
# as the container's main process, not under npm or a shell.
CMD ["node", "dist/apps/gateway/src/main.js"]
