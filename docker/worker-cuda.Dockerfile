# syntax=docker/dockerfile:1
# A GPU worker: `tuner worker` with TorchSharp's CUDA backend (TorchSharp-cuda-linux 0.107.0 = libtorch 2.10.0 for
# CUDA 12.8). That package bundles the CUDA runtime, cuBLAS, cuDNN 9 and NCCL next to libtorch, so the image needs only
# the host's NVIDIA driver (R570 or newer, i.e. one that supports CUDA 12.8), given to the container by
# `docker run --gpus all` (NVIDIA Container Toolkit) or, on Container-Optimized OS, by mounting the driver (see
# docs/cloud-capacity.md). The nvidia/cuda base adds little but sets the container toolkit's variables and matches
# the .NET images' Ubuntu 24.04, so the .NET runtime can be copied from mcr.microsoft.com/dotnet/aspnet:10.0.
# Build from the repository root (restores about 4 GB of packages from nuget.org; allow 15 GB of disk):
#   docker build -f docker/worker-cuda.Dockerfile -t tuner-worker-cuda .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
RUN --mount=type=cache,id=tuner-nuget,target=/root/.nuget/packages \
    dotnet publish src/Scheduler/Host/Tuner.Scheduler.csproj -c Release -p:TorchBackend=cuda -o /app -nologo \
    && rm -rf /app/runtimes/win* /app/runtimes/osx*

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM nvidia/cuda:12.8.1-base-ubuntu24.04
# .NET's own dependencies (as in the runtime-deps image); ICU is not needed: Tuner runs with InvariantGlobalization.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libc6 libgcc-s1 libssl3t64 libstdc++6 tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 1654 app && useradd --no-log-init --uid 1654 --gid 1654 --create-home app
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
# LD_LIBRARY_PATH is where Container-Optimized OS's driver is mounted; TUNER_DEVICE=cuda makes trials train on the GPU.
ENV APP_UID=1654 \
    DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    LD_LIBRARY_PATH=/usr/local/nvidia/lib64 \
    TUNER_HOME=/var/lib/tuner \
    TUNER_DATA_DIR=/var/lib/tuner/data/mnist \
    TUNER_DEVICE=cuda
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && mkdir -p /var/lib/tuner/data/mnist && chown -R app:app /var/lib/tuner \
    && printf '#!/bin/sh\nexec dotnet /app/tuner.dll "$@"\n' > /usr/local/bin/tuner && chmod 755 /usr/local/bin/tuner
COPY --from=build /app /app
USER app
WORKDIR /var/lib/tuner
ENTRYPOINT ["tuner"]
CMD ["worker"]
