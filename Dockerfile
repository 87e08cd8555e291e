# The Common Ground app, for use with a Neo4j that runs elsewhere (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No local Neo4j in the image: skip the install scripts (they would resolve Neo4j with Maven).
RUN npm ci --ignore-scripts
COPY . .
# The server runs its TypeScript through tsx, a runtime dependency.
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
WORKDIR /app
# No password in the image: give NEO4J_URI and NEO4J_PASSWORD when the container runs. In production the
# app refuses to start without a password of its own (the development one is public).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --retries=6 CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node itself gets SIGTERM from `docker stop`: it drains for up to 5 s and exits within 10 s.
CMD ["node", "--import", "tsx", "server/src/main.ts"]
