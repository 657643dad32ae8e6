# Image of the grid shell, with config/ (shell.yml, jvm.options).
# Build context: the repository root, after `mvn -q install -DskipTests` (docker-compose.yml does this).
# Point it at the grid with GRID_ADDRESSES=host:port,... (grid.addresses); more JVM flags in JAVA_OPTS.
FROM eclipse-temurin:17-jre

RUN useradd --system --create-home --home-dir /app grid

WORKDIR /app
COPY config/jvm.options config/shell*.yml /app/config/
COPY shell/target/grid-shell.jar /app/grid-shell.jar
USER grid

# As bin/grid-shell runs it; arguments are the shell's (a command, @script, --name=value).
ENTRYPOINT ["sh", "-c", "exec java @/app/config/jvm.options $JAVA_OPTS -Dspring.config.additional-location=optional:file:/app/config/ -jar /app/grid-shell.jar \"$@\"", "grid-shell"]
