# Sourced by the tools: npm's wasm-opt first on PATH, cargo's tools next.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH="${CHROME_PATH:-$(command -v chromium || true)}"
