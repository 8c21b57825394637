/// Cuts SQL text into tokens, each with the line and column where it starts (1-based, in characters).
///
/// Whitespace and comments (`-- to the end of the line`, `/* … */`) separate tokens. Words are keywords
/// when reserved (`SQLKeyword`, any case) and identifiers otherwise; `` `back-quoted` `` text is always
/// an identifier, with ``` `` ``` for a back-quote inside. Strings are in single quotes, with `''` for a
/// quote inside. The list ends with an `endOfInput` token.
struct SQLTokenizer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1

    private init(_ text: String) { characters = Array(text) }

    /// The tokens of `text`.
    static func tokens(of text: String) throws(SQLSyntaxError) -> [SQLToken] {
        var tokenizer = SQLTokenizer(text)
        var tokens: [SQLToken] = []
        while true {
            let token = try tokenizer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    private var position: SQLPosition { SQLPosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func advance() {
        if characters[index].isNewline {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func text(from start: Int) -> String { String(characters[start ..< index]) }

    private mutating func next() throws(SQLSyntaxError) -> SQLToken {
        try skipSpacesAndComments()
        let start = index
        let position = self.position
        guard let character = peek() else { return SQLToken(kind: .endOfInput, text: "", position: position) }
        if character.isLetter || character == "_" {
            while let next = peek(), next.isLetter || next.isASCIIDigit || next == "_" { advance() }
            let word = text(from: start)
            let kind: SQLToken.Kind = SQLKeyword(rawValue: word.uppercased()).map { .keyword($0) } ?? .identifier(word)
            return SQLToken(kind: kind, text: word, position: position)
        }
        if character.isASCIIDigit { return try number(startingAt: position) }
        if character == "'" {
            let content = try quoted(by: "'", startingAt: position, what: "string")
            return SQLToken(kind: .string(content), text: text(from: start), position: position)
        }
        if character == "`" {
            let name = try quoted(by: "`", startingAt: position, what: "back-quoted identifier")
            guard !name.isEmpty else { throw SQLSyntaxError(at: position, "an identifier cannot be empty") }
            return SQLToken(kind: .identifier(name), text: text(from: start), position: position)
        }
        guard let symbol = symbol() else {
            let hint = character == "\"" ? "; strings are in single quotes, identifiers in back-quotes" : ""
            throw SQLSyntaxError(at: position, "unexpected character '\(character)'\(hint)")
        }
        return SQLToken(kind: .symbol(symbol), text: text(from: start), position: position)
    }

    private mutating func skipSpacesAndComments() throws(SQLSyntaxError) {
        while let character = peek() {
            if character.isWhitespace {
                advance()
            } else if character == "-", peek(1) == "-" {
                while let next = peek(), !next.isNewline { advance() }
            } else if character == "/", peek(1) == "*" {
                let start = position
                advance()
                advance()
                while !(peek() == "*" && peek(1) == "/") {
                    guard peek() != nil else { throw SQLSyntaxError(at: start, "unterminated comment: '/*' without '*/'") }
                    advance()
                }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    /// Digits, optionally with a fraction and an exponent: an integer without either, a decimal with.
    private mutating func number(startingAt position: SQLPosition) throws(SQLSyntaxError) -> SQLToken {
        let start = index
        var isDecimal = false
        skipDigits()
        if peek() == ".", peek(1)?.isASCIIDigit == true {
            isDecimal = true
            advance()
            skipDigits()
        }
        if peek() == "e" || peek() == "E",
           peek(1)?.isASCIIDigit == true || ((peek(1) == "+" || peek(1) == "-") && peek(2)?.isASCIIDigit == true) {
            isDecimal = true
            advance()
            advance()
            skipDigits()
        }
        if let next = peek(), next.isLetter || next == "_" {
            while let next = peek(), next.isLetter || next.isASCIIDigit || next == "_" { advance() }
            throw SQLSyntaxError(at: position, "'\(text(from: start))' is not a number")
        }
        let digits = text(from: start)
        if isDecimal {
            guard let value = Double(digits), value.isFinite else { throw SQLSyntaxError(at: position, "'\(digits)' is out of range for DOUBLE") }
            return SQLToken(kind: .decimal(value), text: digits, position: position)
        }
        guard let value = UInt64(digits) else { throw SQLSyntaxError(at: position, "'\(digits)' is out of range for BIGINT") }
        return SQLToken(kind: .integer(value), text: digits, position: position)
    }

    private mutating func skipDigits() {
        while peek()?.isASCIIDigit == true { advance() }
    }

    /// The text between two `quote`s, a doubled quote standing for one.
    private mutating func quoted(by quote: Character, startingAt position: SQLPosition, what: String) throws(SQLSyntaxError) -> String {
        advance()
        var content = ""
        while true {
            guard let character = peek() else { throw SQLSyntaxError(at: position, "unterminated \(what): no closing \(quote)") }
            advance()
            if character == quote {
                guard peek() == quote else { return content }
                advance()
            }
            content.append(character)
        }
    }

    private mutating func symbol() -> SQLSymbol? {
        guard let first = peek() else { return nil }
        let two = peek(1).map { String([first, $0]) }
        let symbol: SQLSymbol? = switch two {
        case "==": .equal
        case "!=", "<>": .notEqual
        case "<=": .lessOrEqual
        case ">=": .greaterOrEqual
        default: nil
        }
        if let symbol {
            advance()
            advance()
            return symbol
        }
        guard let single = SQLSymbol(rawValue: String(first)) else { return nil }
        advance()
        return single
    }
}

extension Character {
    /// `0` to `9` only (`isNumber` also takes other scripts' digits and fractions).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
