# The image of one Crossflight service, multi-stage so that `docker compose up --build` alone works
# (docker-compose.yml builds each service from this file with its MODULE and PORT).
# The build context is the repository root: the service is built together with the shared
# modules it depends on.
#   docker build -f docker/service.Dockerfile --build-arg MODULE=mission-service --build-arg PORT=8082 \
#     -t crossflight/mission-service .
# MODULE: news-ingest-service (8081), mission-service (8082) or crew-service (8083); PORT: its HTTP port.

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "build with --build-arg MODULE=<service module>" >&2; exit 1; }
WORKDIR /src
COPY . .
# The fast-jar to a fixed place, so the runtime stage needs no module name.
RUN chmod +x mvnw && ./mvnw -B -DskipTests -pl "$MODULE" -am package \
 && mv "$MODULE/target/quarkus-app" /quarkus-app

FROM eclipse-temurin:17-jre
# curl for the health check; a user of its own so the service does not run as root.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 1001 --home-dir /deployments crossflight
WORKDIR /deployments
# The fast-jar layout: dependencies first, as they change least often.
COPY --from=build --chown=1001 /quarkus-app/lib/ lib/
COPY --from=build --chown=1001 /quarkus-app/quarkus/ quarkus/
COPY --from=build --chown=1001 /quarkus-app/app/ app/
COPY --from=build --chown=1001 /quarkus-app/quarkus-run.jar quarkus-run.jar
# Declared late, so that changing the port rebuilds nothing above.
ARG PORT
RUN test -n "$PORT" || { echo "build with --build-arg PORT=<http port>" >&2; exit 1; }
USER 1001
ENV QUARKUS_HTTP_PORT=${PORT} \
    JAVA_OPTS="-Xmx512m"
EXPOSE ${PORT}
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=30 \
  CMD curl -fsS "http://127.0.0.1:${QUARKUS_HTTP_PORT}/q/health/ready" > /dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
