/// The syntax tree of a PowerShell script, as far as judging what it runs needs.
///
/// Every node keeps the byte offset where it starts, for findings.
public struct PSScript: Sendable, Equatable {
    public var statements: [PSStatement]
}

/// A statement: a pipeline, an assignment, a function definition or a control structure.
///
/// In this tree only the cases that hold their own kind directly are boxed, so that the
/// common leaves (pipelines, strings, variables, barewords) cost no allocation of their own.
public enum PSStatement: Sendable, Equatable {
    case pipeline(PSPipeline)
    /// `$x = value`, `$x += value`.
    indirect case assignment(target: PSExpression, op: String, value: PSStatement, offset: Int)
    case function(name: String, body: PSScript, offset: Int)
    /// `if`, `foreach`, `while`, `switch`, `try`, ...: the keyword, the expressions in its
    /// parentheses and its blocks.
    case control(keyword: String, conditions: [PSStatement], blocks: [PSScript], offset: Int)
    /// `return`, `throw`, `exit` and their optional value.
    indirect case flow(keyword: String, value: PSStatement?, offset: Int)

    public var offset: Int {
        switch self {
        case .pipeline(let pipeline): pipeline.offset
        case .assignment(_, _, _, let offset), .function(_, _, let offset), .control(_, _, _, let offset), .flow(_, _, let offset): offset
        }
    }
}

/// Commands and expressions joined by `|`.
public struct PSPipeline: Sendable, Equatable {
    public var elements: [PSPipelineElement]
    public var offset: Int
}

public enum PSPipelineElement: Sendable, Equatable {
    case command(PSCommand)
    case expression(PSExpression)
}

/// A command invocation: `Remove-Item -Path C:\x -Recurse`, `& $name args`, `. ./x.ps1`.
public struct PSCommand: Sendable, Equatable {
    /// `&` or `.` when the command was invoked through an operator.
    public var invocationOperator: String?
    /// The command name: a bareword, or any expression after `&`/`.`.
    public var name: PSExpression
    public var elements: [PSCommandElement]
    public var offset: Int
}

public enum PSCommandElement: Sendable, Equatable {
    /// `-Name` or `-Name:value`.
    case parameter(name: String, value: PSExpression?, offset: Int)
    case argument(PSExpression)
    /// `@params`: arguments from a hashtable or array variable.
    case splat(String, offset: Int)
}

/// An expression.
public enum PSExpression: Sendable, Equatable {
    /// A literal string; `parts` holds the pieces of an expandable ("...") string.
    case string(String, parts: [PSExpression]?, offset: Int)
    case number(Double, offset: Int)
    /// `$name`, `${name}`, `$env:NAME` (the name is lower-cased, scope kept).
    case variable(String, offset: Int)
    /// An unquoted word in command mode: `C:\Windows`, `Get-Item`.
    case bareword(String, offset: Int)
    /// `@(...)` or `a, b, c`.
    case array([PSExpression], offset: Int)
    case hashtable([PSExpression], [PSExpression], offset: Int)
    case scriptBlock(PSScript, offset: Int)
    /// `$(...)` or `(...)`: statements whose output is the value.
    case subexpression(PSScript, offset: Int)
    /// `[System.Net.WebClient]`.
    case type(String, offset: Int)
    /// `[char[]](...)`.
    indirect case cast(String, PSExpression, offset: Int)
    /// `x.Name`, `x::Name`.
    indirect case member(PSExpression, name: String, isStatic: Bool, offset: Int)
    /// `x.Name(args)`, `x::Name(args)`.
    indirect case call(PSExpression, name: String, arguments: [PSExpression], isStatic: Bool, offset: Int)
    /// `x.("Na" + "me")(args)`: a member whose name is computed; `arguments` is `nil`
    /// for a property.
    indirect case dynamicMember(PSExpression, name: PSExpression, arguments: [PSExpression]?, offset: Int)
    indirect case index(PSExpression, PSExpression, offset: Int)
    /// `+`, `-join`, `-f`, `-replace`, ... (operators lower-cased).
    indirect case binary(String, PSExpression, PSExpression, offset: Int)
    /// `-join x`, `-not x`, `!x`, `-x`.
    indirect case unary(String, PSExpression, offset: Int)
    indirect case range(PSExpression, PSExpression, offset: Int)

    public var offset: Int {
        switch self {
        case .string(_, _, let offset), .number(_, let offset), .variable(_, let offset), .bareword(_, let offset),
             .array(_, let offset), .hashtable(_, _, let offset), .scriptBlock(_, let offset), .subexpression(_, let offset),
             .type(_, let offset), .cast(_, _, let offset), .member(_, _, _, let offset), .call(_, _, _, _, let offset),
             .dynamicMember(_, _, _, let offset),
             .index(_, _, let offset), .binary(_, _, _, let offset), .unary(_, _, let offset), .range(_, _, let offset):
            offset
        }
    }
}
