import CLibPQ

/// The version of the libpq client library linked in, e.g. `150010` for 15.10.
public let libpqVersion = Int(PQlibVersion())
