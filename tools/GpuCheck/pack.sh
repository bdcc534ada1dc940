#!/usr/bin/env bash
# Publishes gpucheck self-contained for linux-x64 without libtorch and packs it with MNIST into out/gpucheck.tar.xz.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/out"
rm -rf "$out/stage" && mkdir -p "$out/stage/mnist"
dotnet publish "$here/GpuCheck.csproj" -c Release -p:TorchBackend=cpu -o "$out/stage/app"
if ls "$out/stage/app" | grep -E '^lib(torch|c10)'; then echo "libtorch must not be published" >&2; exit 1; fi
readelf -V "$out/stage/app/libLibTorchSharp.so" | grep 'GLIBCXX_3.4.32'
cp "$root/.tuner/data/mnist/"*-ubyte "$out/stage/mnist/"
tar -C "$out/stage" -cf - . | xz -6 -T1 > "$out/gpucheck.tar.xz"
ls -l "$out/gpucheck.tar.xz"
