# syntax=docker/dockerfile:1
# StrongChain.Docs as one image: the add-in's pages (node), the published service (dotnet), and a runtime with LibreOffice
# and the Noto CJK fonts for PDFs, running as a non-root user. docs/deployment.md; compose.yaml runs it with PostgreSQL.
# The steps are those of the scripts (build-addin.sh, publish.sh, install-deps.sh): Hosting/DockerfileTests keeps them equal.

# 1. The add-in's pages, as scripts/build-addin.sh builds them (vite writes ../service/StrongChain.Docs.Api/wwwroot).
FROM node:20-bookworm-slim AS addin
WORKDIR /src/addin
COPY addin/package.json addin/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY addin/ ./
RUN npm run build --silent

# 2. The service, as scripts/publish.sh publishes it; the pages come from stage 1, so npm is not needed here.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS publish
WORKDIR /src
# .editorconfig: the analyzers run with warnings as errors, as in every build of the repository.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY service/ service/
COPY --from=addin /src/service/StrongChain.Docs.Api/wwwroot/ service/StrongChain.Docs.Api/wwwroot/
RUN dotnet publish service/StrongChain.Docs.Api -c Release -o /app -p:BuildAddin=false

# 3. Runtime: ASP.NET Core, LibreOffice Writer (python3-uno for the resident instance) and the fonts of scripts/install-deps.sh (service_packages), curl for the health check.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui python3-uno fonts-noto-cjk fonts-dejavu-core fontconfig curl \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=publish /app ./
# One data folder (renderer cache and profiles, signing key of development, local deliveries); the database is PostgreSQL
# (ConnectionStrings__Postgres) or, alone, the SQLite file below.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataDirectory=/data \
    Storage__Sqlite=/data/strongchain.db \
    HOME=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready >/dev/null || exit 1
ENTRYPOINT ["dotnet", "StrongChain.Docs.Api.dll"]
