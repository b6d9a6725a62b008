# description: Pipes generated text into sh; harmless here, but text piped to an interpreter is code the validator must flag.
# family: execution
echo ls -la /var/lib/myapp | sh
