import Testing
@testable import SluiceStructured

@Suite struct SQLTokenizerTests {
    func kinds(_ text: String) throws -> [SQLToken.Kind] { try SQLTokenizer.tokens(of: text).map(\.kind) }

    func error(_ text: String) -> String? {
        do {
            _ = try SQLTokenizer.tokens(of: text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func wordsAreKeywordsInAnyCaseOrIdentifiers() throws {
        #expect(try kinds("select From wHeRe action count_2 _x") == [
            .keyword(.select), .keyword(.from), .keyword(.where), .identifier("action"), .identifier("count_2"), .identifier("_x"), .endOfInput,
        ])
        #expect(try kinds("count window timestamp cast") == [
            .identifier("count"), .identifier("window"), .identifier("timestamp"), .identifier("cast"), .endOfInput,
        ], "function and type names are not reserved")
    }

    @Test func backQuotedIdentifiersAreNeverKeywords() throws {
        #expect(try kinds("`window.start` `select` `a``b` `two words`") == [
            .identifier("window.start"), .identifier("select"), .identifier("a`b"), .identifier("two words"), .endOfInput,
        ])
    }

    @Test func numbers() throws {
        #expect(try kinds("0 42 18446744073709551615 1.5 2e3 1.25E-2 7e+1") == [
            .integer(0), .integer(42), .integer(UInt64.max), .decimal(1.5), .decimal(2000), .decimal(0.0125), .decimal(70), .endOfInput,
        ])
        #expect(try kinds("1.x") == [.integer(1), .symbol(.dot), .identifier("x"), .endOfInput], "a point needs a digit after it")
    }

    @Test func stringsWithDoubledQuotes() throws {
        #expect(try kinds("'login' '' 'it''s' '''' 'a\nb'") == [
            .string("login"), .string(""), .string("it's"), .string("'"), .string("a\nb"), .endOfInput,
        ])
        #expect(try SQLTokenizer.tokens(of: "'it''s'")[0].text == "'it''s'", "the text is as written")
    }

    @Test func everySymbol() throws {
        #expect(try kinds("+ - * / % = == != <> < <= > >= ( ) , . ;") == [
            .symbol(.plus), .symbol(.minus), .symbol(.star), .symbol(.slash), .symbol(.percent), .symbol(.equal), .symbol(.equal),
            .symbol(.notEqual), .symbol(.notEqual), .symbol(.less), .symbol(.lessOrEqual), .symbol(.greater), .symbol(.greaterOrEqual),
            .symbol(.leftParenthesis), .symbol(.rightParenthesis), .symbol(.comma), .symbol(.dot), .symbol(.semicolon), .endOfInput,
        ])
        #expect(try kinds("a<=b<>c") == [.identifier("a"), .symbol(.lessOrEqual), .identifier("b"), .symbol(.notEqual), .identifier("c"), .endOfInput])
    }

    @Test func commentsAndWhitespaceSeparateTokens() throws {
        #expect(try kinds("a -- to the end\n/* a\nblock */b\t,c--") == [.identifier("a"), .identifier("b"), .symbol(.comma), .identifier("c"), .endOfInput])
        #expect(try kinds("a-b") == [.identifier("a"), .symbol(.minus), .identifier("b"), .endOfInput])
    }

    @Test func positionsAreOneBasedLinesAndColumns() throws {
        let tokens = try SQLTokenizer.tokens(of: "SELECT a,\n  'x\ny' AS `b`\r\n/* c\n */ FROM t")
        #expect(tokens.map { [$0.position.line, $0.position.column] } == [
            [1, 1], [1, 8], [1, 9], [2, 3], [3, 4], [3, 7], [5, 5], [5, 10], [5, 11],
        ])
        #expect(tokens.map(\.text) == ["SELECT", "a", ",", "'x\ny'", "AS", "`b`", "FROM", "t", ""])
    }

    @Test func errorsNameThePlaceAndTheProblem() {
        #expect(error("SELECT 'open") == "SQL line 1, column 8: unterminated string: no closing '")
        #expect(error("SELECT\n  `a") == "SQL line 2, column 3: unterminated back-quoted identifier: no closing `")
        #expect(error("SELECT ``") == "SQL line 1, column 8: an identifier cannot be empty")
        #expect(error("WHERE a = \"x\"") == "SQL line 1, column 11: unexpected character '\"'; strings are in single quotes, identifiers in back-quotes")
        #expect(error("a ! b") == "SQL line 1, column 3: unexpected character '!'")
        #expect(error("LIMIT 10rows") == "SQL line 1, column 7: '10rows' is not a number")
        #expect(error("99999999999999999999") == "SQL line 1, column 1: '99999999999999999999' is out of range for BIGINT")
        #expect(error("a /* b") == "SQL line 1, column 3: unterminated comment: '/*' without '*/'")
    }
}
