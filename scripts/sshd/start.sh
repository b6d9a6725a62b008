#!/usr/bin/env bash
# Starts a real OpenSSH server on 127.0.0.1 for the SSH executor tests: temporary host keys
# (ed25519 and RSA), user keys (ed25519, ECDSA, RSA) authorized for a test user whose
# password is random per run, and a powershell.exe shim on the server's PATH.
# Prints NAME=value lines for the caller to eval; `scripts/sshd/stop.sh DIR` stops it.
# Needs root (it runs sshd and creates the user) and Debian's openssh-server.
set -euo pipefail

user="remediator-ssh-test"
dir="$(mktemp -d /tmp/remediator-sshd.XXXXXX)"
chmod 755 "$dir"
sshd=/usr/sbin/sshd

id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user" >&2
password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
echo "$user:$password" | chpasswd >&2

ssh-keygen -q -t ed25519 -N '' -C host -f "$dir/host_ed25519" >&2
ssh-keygen -q -t rsa -b 2048 -N '' -C host -f "$dir/host_rsa" >&2
for type in ed25519 ecdsa rsa; do
    ssh-keygen -q -t "$type" -N '' -C "user-$type" -f "$dir/user_$type" >&2
done
cat "$dir"/user_*.pub > "$dir/authorized_keys"
# The tests read the user keys; run through sudo, they belong to the caller.
[ -n "${SUDO_USER:-}" ] && chown "$SUDO_USER" "$dir"/user_*
chmod 644 "$dir/authorized_keys"

mkdir -p "$dir/bin"
cp "$(dirname "$0")/powershell-shim.py" "$dir/bin/powershell.exe"
cp "$(dirname "$0")/powershell-shim.py" "$dir/bin/pwsh"
chmod 755 "$dir/bin" "$dir/bin/powershell.exe" "$dir/bin/pwsh"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat > "$dir/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519
HostKey $dir/host_rsa
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin no
AllowUsers $user
MaxStartups 100:30:200
SetEnv PATH=$dir/bin:/usr/local/bin:/usr/bin:/bin
CONFIG

mkdir -p /run/sshd
"$sshd" -t -f "$dir/sshd_config" >&2
"$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log"
for _ in $(seq 50); do
    [ -s "$dir/sshd.pid" ] && (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done

echo "REMEDIATOR_TEST_SSHD_DIR=$dir"
echo "REMEDIATOR_TEST_SSHD_PORT=$port"
echo "REMEDIATOR_TEST_SSHD_USER=$user"
echo "REMEDIATOR_TEST_SSHD_PASSWORD=$password"
