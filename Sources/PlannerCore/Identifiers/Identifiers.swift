/// A typed identifier: a string that means one kind of thing, so that a commune code is never
/// passed where an enumerator ID is expected.
///
/// Ordering is by the raw string, which is what every output sorts by (never `Dictionary` order).
public protocol TypedIdentifier: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral where RawValue == String
{
    init(rawValue: String)
}

extension TypedIdentifier {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A GSO district-level code (three digits, e.g. `941` for Thành phố Sóc Trăng).
public struct DistrictCode: TypedIdentifier { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }

/// A GSO commune-level code (five digits, e.g. `31498` for Phường 5).
public struct CommuneCode: TypedIdentifier { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }

/// An industrial zone's identifier in `zones.csv` (e.g. `IZ01`).
public struct ZoneID: TypedIdentifier { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }

/// An enterprise's identifier in `enterprises.csv`.
public struct EnterpriseID: TypedIdentifier { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }

/// An enumerator's identifier in `enumerators.csv`.
public struct EnumeratorID: TypedIdentifier { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }

/// A household's identifier in `households.csv`.
public struct HouseholdID: TypedIdentifier { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }

/// A post office's name as written in `enumerators.csv` (the enumerators' base).
public struct PostOfficeID: TypedIdentifier { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
