# triage serve in a container: the knowledge base and rules inside, the incident store on a volume.
#   docker build -t triage .
#   docker run -d -p 8080:8080 -v triage-data:/var/lib/triage \
#     -v /etc/triage/token:/run/secrets/triage_token:ro triage
# The build and run commands are the ones docs/service.md gives for a host (a test checks they agree).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY rules rules
COPY knowledge-base knowledge-base
COPY samples samples
RUN mvn -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/triage --create-home triage
WORKDIR /opt/triage
COPY --from=build /src/target/triage.jar target/triage.jar
COPY --from=build /src/rules rules
COPY --from=build /src/knowledge-base knowledge-base
USER triage
VOLUME /var/lib/triage
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
CMD ["java", "-Xmx512m", "-jar", "target/triage.jar", "serve", "--bind", "0.0.0.0", "--port", "8080", "--token-file", "/run/secrets/triage_token", "--db", "/var/lib/triage/incidents.db", "--log-format", "json"]
