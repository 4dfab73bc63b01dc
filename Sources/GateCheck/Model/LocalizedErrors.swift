#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Foundation's `localizedDescription` (and any UI that shows errors) gives gatecheck's own sentence, not
// "The operation could not be completed".

extension ReportError: LocalizedError {
    /// The sentence for the user, with the position where known.
    public var errorDescription: String? { description }
}

extension ConfigurationError: LocalizedError {
    /// Every problem, each with its key path.
    public var errorDescription: String? { description }
}

extension ByteSourceError: LocalizedError {
    /// What could not be read, in words for the user.
    public var errorDescription: String? { message }
}
