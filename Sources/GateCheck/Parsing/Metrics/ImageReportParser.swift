/// Reads image sizes from `docker image inspect` (a JSON array of image objects; `.Size` is the uncompressed size in
/// bytes) or `docker images --format json` (one JSON object per line; `"Size": "612MB"` in decimal units with three
/// significant digits).
///
/// Every image the file names is kept and gated.
///
/// ```json
/// [{"Id": "sha256:1ee5934abde9...", "RepoTags": ["ragservice:1.4.0"], "Size": 398205112, "Config": {...}}]
/// {"Repository":"ragservice","Tag":"1.4.0","ID":"1ee5934abde9","Size":"398MB","VirtualSize":"398MB"}
/// ```
enum ImageReportParser {
    /// The keys of a `docker image inspect` image read.
    enum InspectKey: String, JSONKeyEnum {
        case id = "Id", repoTags = "RepoTags", size = "Size"
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a `docker images --format json` line read.
    enum ListKey: String, JSONKeyEnum {
        case repository = "Repository", tag = "Tag", id = "ID", size = "Size"
        static let table = JSONKeyTable<Self>()
    }

    static func parse<Source: ByteSource>(_ source: Source, limits: ParseLimits) throws(ReportError)
        -> ParsedMetricReport
    {
        let report = try MetricReportInput.stream(source, kind: .image, limits: limits, finish: false) {
            reader -> ImageReport in
            switch try reader.peek() {
            case .array:
                let images = try readInspect(&reader)
                try reader.finish()
                return ImageReport(source: .dockerInspect, images: images)
            case .object:
                return ImageReport(source: .dockerImages, images: try readLines(&reader))
            case let other:
                throw ReportError.wrongKind(expected: .image, found: "a JSON \(other.rawValue)")
            }
        }
        guard !report.images.isEmpty else {
            throw .invalidValue(
                "the \(report.source.rawValue) output names no image; `docker image inspect` prints [] when the "
                    + "image does not exist, so check the step that built or pulled it", at: nil, keyPath: nil)
        }
        return ParsedMetricReport(content: .image(report), diagnostics: [])
    }

    // MARK: - Private

    private static func readInspect<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws(JSONError)
        -> [ImageSize]
    {
        var images: [ImageSize] = []
        try reader.beginArray()
        while try reader.nextElement() {
            var id = ""
            var tag: String?
            var size: Int64?
            try reader.beginObject()
            while let key = try reader.nextKey(InspectKey.self) {
                switch key {
                case .known(.id): id = try reader.readOptionalString() ?? ""
                case .known(.repoTags): tag = try reader.readStringList().first
                case .known(.size): size = try reader.readInt64()
                case .unknown: try reader.skipValue()
                }
            }
            let name = tag ?? (id.isEmpty ? "image #\(images.count + 1)" : shortID(id))
            var image = ImageSize(name: name, bytes: size)
            if id.isEmpty {
                image.problem =
                    "its Id is empty, so it is not the record of a real image (docker gives every image an "
                    + "Id; a zero-valued record like this comes from docker's own test fixtures)"
            } else if size == nil {
                image.problem = "the record has no Size"
            } else if let size, size < 0 {
                image.problem = "its Size is negative (\(size))"
            }
            images.append(image)
        }
        return images
    }

    /// `docker images --format json`: one object per line until the input ends.
    private static func readLines<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws(JSONError)
        -> [ImageSize]
    {
        var images: [ImageSize] = []
        while try reader.hasAnotherValue() {
            var repository: String?
            var tag: String?
            var id: String?
            var written: String?
            try reader.beginObject()
            while let key = try reader.nextKey(ListKey.self) {
                switch key {
                case .known(.repository): repository = try reader.readOptionalString()
                case .known(.tag): tag = try reader.readOptionalString()
                case .known(.id): id = try reader.readOptionalString()
                case .known(.size): written = try reader.readOptionalString()
                case .unknown: try reader.skipValue()
                }
            }
            let named = [repository, tag].allSatisfy { $0 != nil && $0 != "<none>" && $0 != "" }
            let name =
                named ? "\(repository ?? ""):\(tag ?? "")" : id.map(shortID) ?? "image #\(images.count + 1)"
            guard let written else {
                images.append(ImageSize(name: name, bytes: nil, problem: "the line has no Size"))
                continue
            }
            guard let size = DockerHumanSize.parse(written) else {
                images.append(
                    ImageSize(
                        name: name, bytes: nil, written: written,
                        problem: "its Size \"\(written)\" is not a size docker writes (a number and B, kB, MB, GB, ...)"
                    ))
                continue
            }
            images.append(ImageSize(name: name, bytes: size.bytes, tolerance: size.tolerance, written: written))
        }
        return images
    }

    /// `sha256:1ee5934abde98b…` → `sha256:1ee5934abde9`, as docker shortens ids.
    private static func shortID(_ id: String) -> String {
        let hex = id.hasPrefix("sha256:") ? id.dropFirst(7) : Substring(id)
        return (id.hasPrefix("sha256:") ? "sha256:" : "") + hex.prefix(12)
    }
}
