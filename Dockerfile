# One image for every part; docker-compose.yml picks the part with its command.
# Two stages: `build` has every dependency and builds the browser pages; the runtime image has
# the production dependencies only (no compilers, bundlers, test or lint tools), runs as `node`.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY packages/shared/package.json packages/shared/
COPY services/tickets/package.json services/tickets/
COPY services/sla/package.json services/sla/
COPY services/contracts/package.json services/contracts/
COPY services/notifications/package.json services/notifications/
COPY gateway/package.json gateway/
COPY packages/wallboard/package.json packages/wallboard/
COPY packages/launcher/package.json packages/launcher/
COPY test/package.json test/

FROM manifests AS build
RUN npm install -g pnpm@10.34.9
RUN pnpm install --frozen-lockfile
COPY . .
# The wallboard and the GraphQL IDE, built once into packages/wallboard/dist (served by the gateway).
RUN pnpm build:pages

FROM manifests AS runtime
RUN npm install -g pnpm@10.34.9 \
  && pnpm install --frozen-lockfile --prod \
  && pnpm store prune \
  && npm uninstall -g pnpm \
  && rm -rf /root/.cache /root/.npm /root/.local/share/pnpm
COPY tsconfig.json tsconfig.base.json ./
COPY packages packages
COPY services services
COPY gateway gateway
COPY --from=build /app/packages/wallboard/dist packages/wallboard/dist
ENV NODE_ENV=production
# Not root: the parts only write under /app/.data (the gateway's partner keys; a volume in compose).
RUN mkdir -p /app/.data && chown -R node:node /app/.data
USER node
# Each part is started by its own command (docker-compose.yml): node directly (tsx as its
# loader, a production dependency), never pnpm.
CMD ["node", "--import", "tsx", "gateway/src/main.ts"]
