# Image of one grid node: the grid-node application with config/ (grid-node.yml, jvm.options).
# Build context: the repository root, after `mvn -q install -DskipTests` (docker-compose.yml does this).
# Settings: config/grid-node.yml, overridden by GRID_* environment variables; JVM flags: config/jvm.options,
# heap in GRID_JAVA_OPTS.
FROM eclipse-temurin:17-jre

# curl for the health check (recent Temurin images no longer include it).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app grid

WORKDIR /app
# Settings and JVM flags only, not the whole of config/: key stores stay out of the image (mount them).
COPY config/jvm.options config/grid-node*.yml /app/config/
COPY grid-node/target/grid-node-*-exec.jar /app/grid-node.jar
# Ignite's work files (grid.work-directory is work/<node name>, relative to /app).
RUN mkdir -p /app/work && chown grid /app/work
USER grid

ENV GRID_JAVA_OPTS="-Xms512m -Xmx1g"
# discovery, communication, thin clients, HTTP (health and metrics)
EXPOSE 47500 47100 10800 8080

# Runs from /app, so the application reads ./config/grid-node.yml; arguments are passed on (--name=value).
ENTRYPOINT ["sh", "-c", "exec java @/app/config/jvm.options $GRID_JAVA_OPTS -jar /app/grid-node.jar \"$@\"", "grid-node"]
