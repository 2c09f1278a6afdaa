#!/bin/sh
# Quick start 2: install what is missing, build, and run every test through CTest.
# Extra arguments go to CMake's configure step (e.g. -DDISPUTE_SANITIZE=ON), and
# BUILD_DIR picks the build folder.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
sh "$top/tools/deps.sh"
sh "$top/tools/build.sh" "$@"
cd "${BUILD_DIR:-$top/build}"
ctest --output-on-failure -j "$(nproc)"
