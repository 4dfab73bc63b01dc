/// Container image sizes from `docker image inspect`, `docker images --format json` or Trivy JSON.
@_spi(Internals) public struct ImageReport: Sendable, Hashable {
    /// The tool output the sizes were read from.
    public enum Source: String, Sendable, Hashable {
        /// `docker image inspect`: exact uncompressed bytes (`.Size`).
        case dockerInspect = "docker image inspect"
        /// `docker images --format json`: decimal human sizes with three significant digits (`"7.8MB"`).
        case dockerImages = "docker images"
        /// Trivy JSON `Metadata.Size`: exact uncompressed bytes (Trivy 0.62 and later).
        case trivy = "Trivy"
    }

    /// Which tool's output the sizes were read from, which says how exact they are.
    public var source: Source
    /// Every image the report names, in document order.
    public var images: [ImageSize]

    /// Creates a report.
    public init(source: Source, images: [ImageSize]) {
        self.source = source
        self.images = images
    }
}

/// The size of one image.
@_spi(Internals) public struct ImageSize: Sendable, Hashable {
    /// The first repository tag, else the short image id, else `image #N`.
    public var name: String
    /// The size in bytes; `nil` when the report has none.
    public var bytes: Int64?
    /// How far the true size may be from ``bytes`` (half a unit of the last digit `docker images` shows); 0 when
    /// exact.
    public var tolerance: Int64
    /// The size as the tool wrote it, when it was not a plain byte count (`612MB`).
    public var written: String?
    /// Why the size cannot be judged, when it cannot.
    public var problem: String?

    /// Creates an image size.
    public init(name: String, bytes: Int64?, tolerance: Int64 = 0, written: String? = nil, problem: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.tolerance = tolerance
        self.written = written
        self.problem = problem
    }
}
