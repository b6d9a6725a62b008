# description: Runs a script file whose path is a variable.
# family: execution
bash "$SCRIPT_PATH" --apply
