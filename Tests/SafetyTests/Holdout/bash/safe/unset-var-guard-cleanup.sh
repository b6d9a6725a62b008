# description: Cleans the CI build artifact directory supplied by the environment, aborting if the variable is unset or empty.
set -euo pipefail

echo "Cleaning build artifacts in ${BUILD_ARTIFACT_DIR:-<unset>}"
if [[ -n "${BUILD_ARTIFACT_DIR:-}" && -d "$BUILD_ARTIFACT_DIR" ]]; then
  du -sh "$BUILD_ARTIFACT_DIR"
fi

rm -rf -- "${BUILD_ARTIFACT_DIR:?BUILD_ARTIFACT_DIR must be set}"/*

echo "done"
df -h .
