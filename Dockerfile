# Parley server image. Build: docker build -t parley . ; run with the variables of config/parley.env.example.

# --- The browser client. The pom builds it with the machine's node and npm (exec-maven-plugin, profile web-client:
# `npm ci`, then `npm run build` into web-client/dist); the JDK image has neither, so a Node image builds it here,
# with the same two commands, and the Maven stage below packages the result with -Dskip.web=true.
# Node 20 like the build machines; web-client/package.json asks for >= 20.19.
FROM node:20-bookworm-slim AS web
WORKDIR /build/web-client
COPY web-client/package.json web-client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web-client ./
RUN npm run build

# --- The server. web-client/dist is a resource of the pom (served at /), so packaging picks it up from here.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DskipTests -Dskip.web=true || true
COPY src src
COPY config config
COPY --from=web /build/web-client/dist web-client/dist
RUN ./mvnw -B -DskipTests -Dskip.web=true package

FROM eclipse-temurin:17-jre
RUN groupadd --system parley && useradd --system --gid parley --home-dir /opt/parley parley
WORKDIR /opt/parley
COPY --from=build --chown=parley:parley /build/target/quarkus-app/ ./
USER parley
EXPOSE 8080
ENV QUARKUS_PROFILE=prod
# Quarkus stops gracefully on SIGTERM (quarkus.shutdown.timeout).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
# G1 held to 10 ms pauses whatever the CPU count (with one CPU the JVM would pick SerialGC), no class unloading
# in the pause that ends a marking cycle, survivors promoted after one young collection, and metaspace's first
# threshold above what a warm server loads: a live session's items stay in memory, G1's default goal let young
# pauses reach 65-97 ms, class unloading made that pause 47 ms, copying the kept items between survivor spaces
# lengthened every young pause, and each metaspace threshold met at start cost a full collection of up to 278 ms
# (docs/operations.md, "The collector").
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10", \
            "-XX:-ClassUnloadingWithConcurrentMark", "-XX:MaxTenuringThreshold=1", "-XX:MetaspaceSize=256m", \
            "-jar", "/opt/parley/quarkus-run.jar"]
