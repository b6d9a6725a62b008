# description: Removes old core dumps from /var/crash with a name and age filter; near miss for find -delete in a system directory.
find /var/crash -maxdepth 1 -type f -name 'core.*' -mtime +3 -delete
ls -la /var/crash
