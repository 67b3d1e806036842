# Parley server image. Build: docker build -t parley . ; run with the variables of config/parley.env.example.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DskipTests || true
COPY src src
COPY web-client web-client
COPY config config
RUN ./mvnw -B -DskipTests package

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
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/parley/quarkus-run.jar"]
