#!/usr/bin/env bash
# On a GPU machine with PyTorch in /opt/torch/.venv: gpucheck.tar.xz unpacked in $1, results to $2, further arguments
# go to every gpucheck run (e.g. -p dropout=0). Points the loader at the venv's libtorch, lists the symbols
# libLibTorchSharp cannot resolve there, then trains on cuda (twice, to compare) and on cpu.
set -u
dir=$1 results=$2
shift 2
lib=$(echo /opt/torch/.venv/lib/python3*/site-packages/torch/lib)
export LD_LIBRARY_PATH="$lib"
step() { local name=$1; shift; echo "=== $name: $*"; "$@" 2>&1 | tee "$results/$name.txt"; echo "=== $name exit ${PIPESTATUS[0]}"; }
step env bash -c "nvidia-smi -L; grep PRETTY /etc/os-release; ldd --version | head -1; \
  strings \$(ldconfig -p | awk '/libstdc\+\+.so.6 .*x86-64/{print \$NF; exit}') | grep -E '^GLIBCXX_3\.4\.3[0-9]' | sort -u | tr '\n' ' '; echo; \
  /opt/torch/.venv/bin/python -c 'import torch; print(torch.__version__, torch.version.cuda, torch.compiled_with_cxx11_abi())'"
step undefined bash -c "ldd -r '$dir/app/libLibTorchSharp.so' 2>&1 | grep 'undefined symbol' | sed 's/undefined symbol: \([^ \t]*\).*/\1/' | c++filt | sort -u; echo count: \$(ldd -r '$dir/app/libLibTorchSharp.so' 2>&1 | grep -c 'undefined symbol')"
cd "$dir/app"
big="-p hidden_units=2048 -p hidden_layers=4 -p batch_size=256"
step cuda-default timeout 120 ./gpucheck cuda --epochs 3 --data "$dir/mnist" "$@"
step cuda-default-again timeout 120 ./gpucheck cuda --epochs 3 --data "$dir/mnist" "$@"
step cpu-default timeout 120 ./gpucheck cpu --epochs 3 --data "$dir/mnist" "$@"
step cuda-big timeout 120 ./gpucheck cuda --epochs 2 --data "$dir/mnist" $big "$@"
step cpu-big timeout 120 ./gpucheck cpu --epochs 2 --threads 8 --data "$dir/mnist" $big "$@"
