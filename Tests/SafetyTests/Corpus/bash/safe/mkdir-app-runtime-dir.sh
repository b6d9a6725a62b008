# description: Recreates the application's runtime directory with the right owner.
install -d -o myapp -g myapp -m 0755 /run/myapp
ls -ld /run/myapp
