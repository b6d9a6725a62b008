# description: Edits /etc/nginx/nginx.conf in place to raise worker_connections.
# family: availability
cp /etc/nginx/nginx.conf /etc/nginx/nginx.conf.bak
sed -i 's/worker_connections 768;/worker_connections 2048;/' /etc/nginx/nginx.conf
nginx -t
