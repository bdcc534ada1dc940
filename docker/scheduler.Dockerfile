# syntax=docker/dockerfile:1
# The scheduler: `tuner server` (REST API, dashboards, orchestrator, reconciler, autoscaler).
# Build from the repository root:  docker build -f docker/scheduler.Dockerfile -t tuner-scheduler .
# The .NET 10 images are Ubuntu 24.04 (glibc 2.39, GCC 14's libstdc++ with GLIBCXX_3.4.32), so TorchSharp's native
# library loads there without help; the build's own fix (build/TorchSharpNativeFix.targets) still runs and is harmless.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
# The scheduler trains nothing, so it takes the CPU backend. Only Linux x64 native libraries are kept.
RUN --mount=type=cache,id=tuner-nuget,target=/root/.nuget/packages \
    dotnet publish src/Scheduler/Host/Tuner.Scheduler.csproj -c Release -p:TorchBackend=cpu -p:RestoreLockedMode=true -o /app -nologo \
    && rm -rf /app/runtimes/win* /app/runtimes/osx*

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# TUNER_HOME must be writable by the non-root user; TUNER_URLS replaces the image's ASPNETCORE_HTTP_PORTS=8080.
ENV TUNER_HOME=/var/lib/tuner \
    TUNER_DATA_DIR=/var/lib/tuner/data/mnist \
    TUNER_URLS=http://0.0.0.0:5080 \
    ASPNETCORE_HTTP_PORTS=""
RUN mkdir -p /var/lib/tuner/data/mnist && chown -R "$APP_UID:$APP_UID" /var/lib/tuner \
    && printf '#!/bin/sh\nexec dotnet /app/tuner.dll "$@"\n' > /usr/local/bin/tuner && chmod 755 /usr/local/bin/tuner
COPY --from=build /app /app
USER $APP_UID
WORKDIR /var/lib/tuner
EXPOSE 5080
ENTRYPOINT ["tuner"]
CMD ["server"]
