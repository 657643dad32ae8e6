# Image of one grid node, built from the sources alone: `docker compose up -d --build` needs no JDK on the host.
# Build context: the repository root (see .dockerignore).
# Settings: config/grid-node.yml, overridden by GRID_* environment variables; JVM flags: config/jvm.options,
# heap in GRID_JAVA_OPTS.

# Stage 1: build the node's executable jar with Maven (only the modules it needs, tests skipped).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -pl grid-node -am package -DskipTests \
    && cp grid-node/target/grid-node-*-exec.jar /grid-node.jar

# Stage 2: the runtime image, a JRE and the jar.
FROM eclipse-temurin:17-jre

# curl for the health check (recent Temurin images no longer include it).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app grid

WORKDIR /app
# Settings and JVM flags only, not the whole of config/: key stores stay out of the image (mount them).
COPY config/jvm.options config/grid-node*.yml /app/config/
COPY --from=build /grid-node.jar /app/grid-node.jar
# Ignite's work files (grid.work-directory is work/<node name>, relative to /app).
RUN mkdir -p /app/work && chown grid /app/work
USER grid

ENV GRID_JAVA_OPTS="-Xms512m -Xmx1g"
# discovery, communication, thin clients, HTTP (health, metrics, info)
EXPOSE 47500 47100 10800 8080

# Runs from /app, so the application reads ./config/grid-node.yml; arguments are passed on (--name=value).
ENTRYPOINT ["sh", "-c", "exec java @/app/config/jvm.options $GRID_JAVA_OPTS -jar /app/grid-node.jar \"$@\"", "grid-node"]
