#!/usr/bin/env python3
"""Stands in for powershell.exe / pwsh on the test sshd (PowerShell is not installable here).

Decodes what Remediator sent exactly as PowerShell would: -EncodedCommand is base64 of
UTF-16LE; when it is the loader that reads the script from standard input, the script is
the base64 read from stdin. Prints a JSON report: the arguments, whether stdin was used,
and the decoded script, so the test can compare it with what the plan holds. Fails (exit
97) on anything PowerShell would reject: bad base64, odd byte counts, invalid UTF-16.
"""
import base64
import json
import sys

LOADER_MARK = "[Console]::In.ReadToEnd()"


def decode(text):
    raw = base64.b64decode(text, validate=True)
    if len(raw) % 2:
        raise ValueError("UTF-16LE payload has an odd number of bytes")
    return raw.decode("utf-16-le", errors="strict")


def main():
    args = sys.argv[1:]
    try:
        encoded = args[args.index("-EncodedCommand") + 1]
        command = decode(encoded)
        via_stdin = LOADER_MARK in command
        script = decode("".join(sys.stdin.read().split())) if via_stdin else command
    except Exception as error:  # noqa: BLE001 - any failure is the finding
        print(f"shim: cannot decode: {error}", file=sys.stderr)
        sys.exit(97)
    json.dump({"args": args[: args.index("-EncodedCommand")], "via_stdin": via_stdin,
               "command_length": len(encoded), "script": script}, sys.stdout)


main()
