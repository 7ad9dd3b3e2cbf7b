# One image for every part; docker-compose.yml picks the part with its command.
FROM node:20-bookworm-slim
RUN npm install -g pnpm@10.34.9
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
RUN pnpm install --frozen-lockfile
COPY . .
# The wallboard and the GraphQL IDE, built once into packages/wallboard/dist (served by the gateway).
RUN pnpm build:pages
ENV NODE_ENV=production
# Not root: the parts only write under /app/.data (the gateway's partner keys; a volume in compose).
RUN mkdir -p /app/.data && chown -R node:node /app/.data
USER node
# Each part is started by its own command (docker-compose.yml): node directly, never pnpm.
CMD ["node", "--import", "tsx", "gateway/src/main.ts"]
