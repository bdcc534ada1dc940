# syntax=docker/dockerfile:1
# A CPU worker: `tuner worker` runs one trial at a time from its queue (TUNER_QUEUE) and checkpoints to
# TUNER_CHECKPOINTS. SIGTERM (docker stop) makes it checkpoint, hand its trial back and exit.
# Build from the repository root:  docker build -f docker/worker-cpu.Dockerfile -t tuner-worker-cpu .
# Same publish as docker/scheduler.Dockerfile (Ubuntu 24.04 meets TorchSharp's GLIBCXX_3.4.32 need; see there).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
RUN --mount=type=cache,id=tuner-nuget,target=/root/.nuget/packages \
    dotnet publish src/Scheduler/Host/Tuner.Scheduler.csproj -c Release -p:TorchBackend=cpu -p:RestoreLockedMode=true -o /app -nologo \
    && rm -rf /app/runtimes/win* /app/runtimes/osx*

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# MNIST is downloaded into TUNER_DATA_DIR on first start (from the npm registry): mount a volume there to keep it.
ENV TUNER_HOME=/var/lib/tuner \
    TUNER_DATA_DIR=/var/lib/tuner/data/mnist
RUN mkdir -p /var/lib/tuner/data/mnist && chown -R "$APP_UID:$APP_UID" /var/lib/tuner \
    && printf '#!/bin/sh\nexec dotnet /app/tuner.dll "$@"\n' > /usr/local/bin/tuner && chmod 755 /usr/local/bin/tuner
COPY --from=build /app /app
USER $APP_UID
WORKDIR /var/lib/tuner
ENTRYPOINT ["tuner"]
CMD ["worker"]
