# description: Makes an application upload directory world-writable recursively; not a system path, but too broad to allow.
# family: security
chmod -R 777 /srv/app/uploads
