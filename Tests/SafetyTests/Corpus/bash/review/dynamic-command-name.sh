# description: Calls a tool whose name is read from the environment.
# family: execution
"$REPAIR_TOOL" --fix --verbose /var/lib/myapp
