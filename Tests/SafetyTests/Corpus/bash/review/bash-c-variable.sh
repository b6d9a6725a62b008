# description: Runs a script body from a variable through bash -c.
# family: execution
bash -c "$SCRIPT"
