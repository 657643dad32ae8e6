# Image of the grid shell, built from the sources alone. Build context: the repository root (see .dockerignore).
# Point it at the grid with GRID_ADDRESSES=host:port,... (grid.addresses); more JVM flags in JAVA_OPTS.

# Stage 1: build the shell's jar with Maven (only the modules it needs, tests skipped).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -pl shell -am package -DskipTests \
    && cp shell/target/grid-shell.jar /grid-shell.jar

# Stage 2: the runtime image, a JRE and the jar.
FROM eclipse-temurin:17-jre

RUN useradd --system --create-home --home-dir /app grid

WORKDIR /app
COPY config/jvm.options config/shell*.yml /app/config/
COPY --from=build /grid-shell.jar /tmp/grid-shell.jar
# Fast start, as bin/grid-shell does on its first run: the jar unpacked, and a class-data archive recorded from a
# command that loads what most commands load (it fails fast against a closed port; only the archive matters).
RUN java -Djarmode=tools -jar /tmp/grid-shell.jar extract --destination /app/shell \
    && rm /tmp/grid-shell.jar \
    && (java @/app/config/jvm.options -XX:ArchiveClassesAtExit=/app/shell/grid-shell.jsa -jar /app/shell/grid-shell.jar \
        --grid.addresses=127.0.0.1:1 --grid.connect-timeout=1s maps >/dev/null 2>&1 || true)
USER grid

# As bin/grid-shell runs it; arguments are the shell's (a command, @script, --name=value).
ENTRYPOINT ["sh", "-c", "exec java @/app/config/jvm.options $JAVA_OPTS -XX:SharedArchiveFile=/app/shell/grid-shell.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.config.additional-location=optional:file:/app/config/ -jar /app/shell/grid-shell.jar \"$@\"", "grid-shell"]
