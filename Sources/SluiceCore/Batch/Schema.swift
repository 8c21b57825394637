/// A named, typed column slot in a schema.
public struct Field: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var type: DataType
    /// Whether the column may hold nulls; a non-nullable column never carries a validity bitmap.
    public var isNullable: Bool

    public init(_ name: String, _ type: DataType, nullable: Bool = false) {
        self.name = name
        self.type = type
        self.isNullable = nullable
    }

    public var description: String { "\(name): \(type)\(isNullable ? "?" : "")" }
}

/// The ordered fields of a record batch.
public struct Schema: Sendable, Hashable, CustomStringConvertible {
    public let fields: [Field]
    private let indexByName: [String: Int]

    /// Creates a schema; field names must be unique.
    public init(_ fields: [Field]) {
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() {
            precondition(index[field.name] == nil, "schema: duplicate field name '\(field.name)'")
            index[field.name] = position
        }
        self.fields = fields
        self.indexByName = index
    }

    public var count: Int { fields.count }

    /// The position of the field called `name`, or nil.
    public func index(of name: String) -> Int? { indexByName[name] }

    public static func == (lhs: Schema, rhs: Schema) -> Bool { lhs.fields == rhs.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    public var description: String { "(" + fields.map(\.description).joined(separator: ", ") + ")" }
}
