# description: Downloads a release tarball and verifies its checksum without running it; near miss for download-then-execute.
set -euo pipefail
cd /tmp
wget -q -O myapp-2.4.1.tar.gz https://example.com/releases/myapp-2.4.1.tar.gz
wget -q -O myapp-2.4.1.tar.gz.sha256 https://example.com/releases/myapp-2.4.1.tar.gz.sha256
sha256sum -c myapp-2.4.1.tar.gz.sha256
