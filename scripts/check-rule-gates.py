#!/usr/bin/env python3
"""Checks that each rule gate set names exactly the commands its switch has cases for, and
that each name table maps some name to every case of its enum.

The validator looks a command up in a set before running a long `switch` on its name (one
hash instead of a comparison with every case). A case whose name is missing from the set
would silently never run, so the test script fails when the two drift apart. Where a table
from names to an enum replaces the switch on names, the compiler checks that the switch
covers the enum; an enum case no name maps to would never run, which this checks.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "Sources" / "Safety"

# (file, the set's declaration, the switch it gates)
GATES = [
    ("Rules/AvailabilityRules.swift", "static let commands: Set<String> = [", "switch invocation.name {"),
    ("Rules/ChangeRules.swift", "static let commands: Set<String> = [", "switch invocation.name {"),
    ("Rules/DestructionRules.swift", "static let commands: Set<String> = [", "switch invocation.name {"),
    ("Rules/PersistenceRules.swift", "static let commands: Set<String> = [", "switch invocation.name {"),
    ("Rules/SecurityRules.swift", "static let commands: Set<String> = [", "switch invocation.name {"),
    ("Rules/NetworkRules.swift", "static let commands: Set<String> = resolvers.union([", "switch invocation.name {"),
    ("Rules/DataPlaneRules.swift", "static let programs: Set<String> = [", "switch name {"),
    ("PowerShell/NativeCommandRules.swift", "static let commands: Set<String> = [", "switch name {"),
    ("Bash/BashAnalyzer.swift", "static let commandsFollowed: Set<String> = Set([", "guard invocation.traits.contains(.followed) else { return }\n        switch invocation.name {"),
]


# (file, the enum's declaration, file of the table, the table's declaration)
TABLES = [
    ("PowerShell/PSCommandRules.swift", "enum CmdletRule", "PowerShell/PSCommandRules.swift", "static let rules: [String: CmdletRule] = ["),
    ("PowerShell/PSCommandRole.swift", "enum PSCommandRole", "PowerShell/PSCommandRole.swift", "static let roles: [String: PSCommandRole] = ["),
    ("PowerShell/PSOutputCommand.swift", "enum PSOutputCommand", "PowerShell/PSOutputCommand.swift", "static let outputCommands: [String: PSOutputCommand] = ["),
]


def block(text: str, start: int, opening: str, closing: str) -> str:
    """The text from the `opening` bracket at or after `start` to its matching `closing` one."""
    begin = text.index(opening, start)
    depth = 0
    for position in range(begin, len(text)):
        if text[position] == opening:
            depth += 1
        elif text[position] == closing:
            depth -= 1
            if depth == 0:
                return text[begin:position + 1]
    raise ValueError("unbalanced")


def case_names(switch: str) -> set:
    names = set()
    for line in switch.splitlines():
        match = re.match(r"^ {8}case (.*?):\s*(//.*)?$", line) or re.match(r"^ {8}case (.*?) where ", line)
        if match:
            names.update(re.findall(r'"([^"]+)"', match.group(1).split(" where ")[0]))
    return names


def main() -> int:
    failures = []
    for file, declaration, switch_start in GATES:
        text = (ROOT / file).read_text()
        declared_at = text.index(declaration)
        declared = set(re.findall(r'"([^"]+)"', block(text, declared_at + len(declaration) - 1, "[", "]")))
        switch_at = text.index(switch_start) + switch_start.index("switch")
        cases = case_names(block(text, switch_at, "{", "}"))
        if declared != cases:
            failures.append(f"{file}: in the switch only: {sorted(cases - declared)}; in the set only: {sorted(declared - cases)}")
    for enum_file, enum_declaration, table_file, table_declaration in TABLES:
        enum_text = (ROOT / enum_file).read_text()
        body = block(enum_text, enum_text.index(enum_declaration), "{", "}")
        cases = set()
        for line in body.splitlines():
            match = re.match(r"^\s*case (.*)$", line)
            if match:
                cases.update(name.strip() for name in match.group(1).split(","))
        table_text = (ROOT / table_file).read_text()
        table = block(table_text, table_text.index(table_declaration) + len(table_declaration) - 1, "[", "]")
        mapped = set(re.findall(r'"[^"]+": \.(\w+)', table))
        if cases != mapped:
            failures.append(f"{enum_file}: cases no name maps to: {sorted(cases - mapped)}; mapped but not cases: {sorted(mapped - cases)}")
    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f"rule gates match their switches ({len(GATES)} checked), name tables cover their enums ({len(TABLES)} checked)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
