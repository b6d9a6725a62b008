# description: Runs an inline Python program the PowerShell validator does not analyse.
# family: execution
python -c "import shutil; print(shutil.disk_usage('C:/').free // 2**30, 'GiB free')"
