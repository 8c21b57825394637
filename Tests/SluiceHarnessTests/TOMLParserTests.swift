import Testing
@testable import SluiceHarness

/// The TOML subset scenario files are read with: values, tables, lines, and what it refuses.
@Suite struct TOMLParserTests {
    static func value(_ text: String, _ key: String = "x") throws -> TOMLValue {
        try #require(try TOMLParser.parse(text)[key])
    }

    @Test(arguments: [
        ("x = \"a\\tb\\n\\\"q\\\" \\u00E9 \\U0001F600\"", "a\tb\n\"q\" é 😀"),
        ("x = 'C:\\path\\no-escapes'", "C:\\path\\no-escapes"),
        ("x = \"\"\"\nline one\nline two\"\"\"", "line one\nline two"),
        ("x = \"\"\"\\\n    joined \\\n    up\"\"\"", "joined up"),
        ("x = '''\nraw \\n\n'''", "raw \\n\n"),
        ("x = \"\"\"two \"\"quotes\"\" inside\"\"\"", "two \"\"quotes\"\" inside"),
        ("x = \"\"\"ends with a quote\"\"\"\"", "ends with a quote\""),
        ("x = \"# not a comment\" # a comment", "# not a comment"),
    ])
    func stringsOfEveryKind(text: String, expected: String) throws {
        #expect(try Self.value(text).content == .string(expected))
    }

    @Test(arguments: [
        ("x = 42", TOMLValue.Content.integer(42)), ("x = -17", .integer(-17)), ("x = +3", .integer(3)), ("x = 1_000_000", .integer(1_000_000)),
        ("x = 0xFF", .integer(255)), ("x = 0o17", .integer(15)), ("x = 0b101", .integer(5)), ("x = 0", .integer(0)),
        ("x = 0.001", .float(0.001)), ("x = 5e5", .float(500_000)), ("x = -1.5E-3", .float(-0.0015)), ("x = 6.626e-34", .float(6.626e-34)),
        ("x = inf", .float(.infinity)), ("x = -inf", .float(-.infinity)), ("x = true", .boolean(true)), ("x = false", .boolean(false)),
    ])
    func numbersAndBooleans(text: String, expected: TOMLValue.Content) throws {
        #expect(try Self.value(text).content == expected)
    }

    @Test(arguments: ["x = 01", "x = 1__0", "x = _1", "x = 1_", "x = 1.", "x = .5", "x = 1e", "x = 0x", "x = TRUE", "x = 1.5.2"])
    func malformedNumbersAreRefused(text: String) {
        #expect(throws: TOMLSyntaxError.self) { try TOMLParser.parse(text) }
    }

    @Test func valuesKeepTheirLines() throws {
        let root = try TOMLParser.parse("""
            # a comment

            a = 1
            [t]
            b = [
              "one", # first
              "two",
            ]
            [t.u]
            c = { d = 1 }
            """)
        #expect(root["a"]?.line == 3)
        guard case .table(let t)? = root["t"]?.content else { Issue.record("no table t"); return }
        #expect(t.line == 4 && t.keys == ["b", "u"])
        guard case .array(let elements)? = t["b"]?.content else { Issue.record("no array b"); return }
        #expect(elements.map(\.line) == [6, 7] && t["b"]?.line == 5)
        guard case .table(let u)? = t["u"]?.content else { Issue.record("no table u"); return }
        #expect(u.line == 9 && u["c"]?.line == 10)
    }

    @Test func dottedAndQuotedKeysMakeTables() throws {
        let root = try TOMLParser.parse("a.b = 1\na.c = 2\n\"p99.9\" = 3\n'x y'.z = 4\n")
        guard case .table(let a)? = root["a"]?.content else { Issue.record("no table a"); return }
        #expect(a.keys == ["b", "c"] && a.origin == .dotted)
        #expect(root["p99.9"]?.content == .integer(3))
        #expect(root.keys == ["a", "p99.9", "x y"])
        #expect(TOMLKey.dotted(["checks", "p99.9"]) == "checks.\"p99.9\"")
    }

    @Test func aHeaderMayDefineAParentNamedEarlierOnlyOnTheWay() throws {
        let root = try TOMLParser.parse("[a.b]\nx = 1\n[a]\ny = 2\n")
        guard case .table(let a)? = root["a"]?.content else { Issue.record("no table a"); return }
        #expect(a.keys == ["b", "y"] && a.origin == .header && a.line == 3)
    }

    @Test(arguments: [
        ("a = 1\na = 2", 2, "defined twice, first on line 1"),
        ("[a]\n[a]", 2, "already defined on line 1"),
        ("a.b = 1\n[a]", 2, "already defined on line 1"),
        ("a = 1\n[a]", 2, "names a value defined on line 1"),
        ("a = 1\na.b = 2", 2, "is a value (line 1), not a table"),
        ("a = { b = 1 }\na.c = 2", 2, "cannot be added to"),
        ("a = { b = 1 }\n[a.c]", 2, "cannot be added to"),
        ("[a]\nb = 1\n[c]\na.d = 1\n[a.e]\n", 5, ""),
        ("[[a]]", 1, "arrays of tables"),
        ("a = 1979-05-27T07:32:00Z", 1, "looks like a date"),
        ("a = 07:32:00", 1, "looks like a date"),
        ("a = \"x\" b = 2", 1, "unexpected \"b\" after the value"),
        ("a = ", 1, "expected a value after \"=\""),
        ("a 1", 1, "expected \"=\" after the key"),
        ("a = \"\"\"never closed\n", 1, "string not closed"),
        ("a = \"bad \u{01} control\"", 1, "control character"),
        ("a = 1\r", 1, "carriage return"),
        ("[a", 1, "expected \"]\""),
        ("a = [1 2]", 1, "expected \",\" or \"]\""),
        ("a = { b = 1 c = 2 }", 1, "expected \",\" or \"}\""),
    ])
    func malformedDocumentsAreRefusedAtTheirLine(text: String, line: Int, message: String) {
        do {
            _ = try TOMLParser.parse(text)
            #expect(message.isEmpty, "no error for \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(!message.isEmpty && error.problem.contains(message), "\(error)")
        }
    }
}
