# description: Runs an inline Python program the shell validator does not analyse.
# family: execution
python3 -c 'import shutil; t, u, f = shutil.disk_usage("/var"); print(f // 2**30, "GiB free")'
