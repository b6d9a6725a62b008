# description: Prints a warning that mentions rm -rf / inside a string; nothing is executed.
echo "never run rm -rf / on a production host"
echo "use: rm -rf -- /var/lib/myapp/cache/* instead"
