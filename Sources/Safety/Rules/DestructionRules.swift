/// rm, mkfs and raw disk writes.
enum DestructionRules {
    private static let readOnlyFlags: Set<String> = ["-l", "--list", "-p", "--print", "-s", "--show", "--help", "--version", "-V", "-n", "--no-act", "--query", "-Q", "--detail", "-D", "--examine", "-E", "status", "list", "print", "-I"]

    /// The commands the switch below has cases for; ``BashCommandRules`` calls ``check(_:report:)``
    /// for these only. Keep it in step with the cases.
    static let commands: Set<String> = [
        "rm", "dd", "tee", "cp", "mv", "install", "pv", "ddrescue", "ln", "rsync", "truncate", "shred", "wipefs", "blkdiscard",
        "sgdisk", "sfdisk", "fdisk", "cfdisk", "gdisk", "parted", "mdadm", "pvremove", "vgremove", "lvremove", "cryptsetup",
        "hdparm", "nvme",
    ]

    static func check(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        switch invocation.name {
        case "rm":
            checkRemove(invocation, report: report)
        case "dd":
            checkDiskDump(invocation, report: report)
        case _ where isFilesystemCreation(invocation.name):
            // `mkswap /swapfile`, `mkfs.ext4 /srv/images/disk.img`: a file, not a disk.
            let targets = invocation.operands.filter { $0.value.map { !$0.allSatisfy(\.isNumber) } ?? true }
            if let target = targets.last, let path = target.value, path.hasPrefix("/"), !PathClassifier.normalize(path).hasPrefix("/dev/") {
                break
            }
            report(RuleCatalog.mkfs, invocation.offset, "\(invocation.name) \(invocation.operands.map(\.display).joined(separator: " "))")
        case "tee", "cp", "mv", "install", "pv", "ddrescue", "ln":
            checkFileWrites(invocation, report: report)
        case "rsync":
            checkFileWrites(invocation, report: report)
            if invocation.arguments.contains(where: { ($0.value ?? "").hasPrefix("--delete") }), let destination = invocation.operands.last,
               [.root, .systemDirectory].contains(invocation.scope(of: destination, recursive: true)) {
                report(RuleCatalog.rsyncDeleteRoot, destination.offset, "rsync --delete onto \(destination.display)")
            }
        case "truncate", "shred":
            for operand in invocation.operands {
                if let path = operand.value, FileWriteRules.isLogOrHistory(path.hasPrefix("~") ? "/home/user" + path.dropFirst() : path) {
                    report(RuleCatalog.logsCleared, operand.offset, "\(invocation.name) \(path)")
                }
            }
            if invocation.name == "shred" { checkDeviceTool(invocation, report: report) }
        case "wipefs", "blkdiscard", "sgdisk", "sfdisk", "fdisk", "cfdisk", "gdisk", "parted", "mdadm", "pvremove", "vgremove", "lvremove", "cryptsetup", "hdparm", "nvme":
            checkDeviceTool(invocation, report: report)
        default:
            break
        }
    }

    /// Commands that write to their operands (all of them for `tee`, the destination for
    /// `cp`-like tools): a device or the kernel's sysrq trigger there is as bad as `dd`.
    static func checkFileWrites(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        let operands = invocation.operands
        var targets: [ResolvedWord]
        switch invocation.name {
        case "tee": targets = operands
        case "ddrescue": targets = operands.count >= 2 ? [operands[1]] : []
        default: targets = operands.last.map { [$0] } ?? []
        }
        if let index = invocation.arguments.firstIndex(where: { $0.value == "-t" || $0.value == "--target-directory" }), index + 1 < invocation.arguments.count {
            targets.append(invocation.arguments[index + 1])
        }
        let content = invocation.name == "tee" ? invocation.upstreamText : nil
        for target in targets {
            guard let path = target.value else { continue }
            if let (rule, detail) = FileWriteRules.classify(path, content: content, truncates: invocation.name != "tee" || !invocation.hasFlag(["a"], long: ["--append"])) {
                report(rule, target.offset, "\(invocation.name): \(detail)")
            }
        }
    }

    static func isFilesystemCreation(_ name: String) -> Bool {
        // Asked of every command: nearly all are ruled out by their first letter.
        guard name.utf8.first == UInt8(ascii: "m") else { return false }
        return name == "mkfs" || name.hasPrefix("mkfs.") || filesystemMakers.contains(name)
    }

    private static let filesystemMakers: Set<String> = ["mke2fs", "mkswap", "mkntfs", "mkdosfs", "mkexfatfs", "mkisofs.raw"]

    static func checkRemove(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        for operand in invocation.operands {
            if let path = operand.value, FileWriteRules.isLogOrHistory(path.hasPrefix("~") ? "/home/user" + path.dropFirst() : path) {
                report(RuleCatalog.logsCleared, operand.offset, "rm \(path)")
            }
        }
        if invocation.hasFlag([], long: ["--no-preserve-root"]) {
            report(RuleCatalog.rmNoPreserveRoot, invocation.offset, nil)
        }
        let recursive = invocation.hasFlag(["r", "R"], long: ["--recursive"])
        for operand in invocation.operands {
            switch invocation.scope(of: operand, recursive: recursive) {
            case .root, .systemDirectory:
                report(RuleCatalog.rmSystemPath, operand.offset, "rm \(operand.display)")
            case .unresolved where recursive:
                report(RuleCatalog.rmUnresolvedPath, operand.offset, "rm -r '\(operand.source)'")
            case .unresolved, .ordinary:
                continue
            }
        }
        switch invocation.dynamicArguments {
        case .fromInput? where recursive:
            report(RuleCatalog.rmUnresolvedPath, invocation.offset, "rm -r on paths read from standard input")
        case .foundUnder(let starts, let filtered)?:
            for start in starts {
                switch invocation.scope(of: start, recursive: true) {
                case .root:
                    report(RuleCatalog.findDeleteRoot, invocation.offset, "removes what find walks from \(start.display)")
                case .systemDirectory where !filtered:
                    report(RuleCatalog.findDeleteRoot, invocation.offset, "removes everything find walks under \(start.display)")
                case .unresolved:
                    report(RuleCatalog.rmUnresolvedPath, invocation.offset, "removes what find walks under '\(start.source)'")
                default:
                    continue
                }
            }
        default:
            break
        }
    }

    static func checkDiskDump(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        for argument in invocation.arguments {
            if let value = argument.value {
                guard value.hasPrefix("of=") else { continue }
                let target = String(value.dropFirst(3))
                if BlockDevices.isBlockDevice(target) {
                    report(RuleCatalog.diskWrite, argument.offset, "dd \(value)")
                }
            } else if argument.knownPrefix.hasPrefix("of=") || argument.source.hasPrefix("of=") {
                report(RuleCatalog.diskWriteUnresolved, argument.offset, "dd \(argument.source)")
            }
        }
    }

    /// Partitioning and wiping tools: listing is fine, anything aimed at a device is not.
    static func checkDeviceTool(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        let readOnlyFlags = Self.readOnlyFlags
        if invocation.arguments.contains(where: { readOnlyFlags.contains($0.value ?? "") }) && invocation.name != "shred" {
            return
        }
        for operand in invocation.operands {
            if let value = operand.value {
                if BlockDevices.isBlockDevice(value) {
                    report(RuleCatalog.diskWrite, operand.offset, "\(invocation.name) \(value)")
                    return
                }
            } else if invocation.name != "shred" {
                report(RuleCatalog.diskWriteUnresolved, operand.offset, "\(invocation.name) '\(operand.source)'")
                return
            }
        }
    }
}
