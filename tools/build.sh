#!/bin/sh
# Configures and builds dispute in BUILD_DIR (default: build) with warnings as errors.
# Extra arguments go to CMake's configure step.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
cmake -S "$top" -B "$build" -DDISPUTE_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
