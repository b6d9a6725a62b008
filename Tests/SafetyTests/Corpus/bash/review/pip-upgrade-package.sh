# description: Upgrades a Python package in the application's virtualenv.
# family: availability
/opt/myapp/venv/bin/pip install --upgrade 'requests<3'
/opt/myapp/venv/bin/pip check
