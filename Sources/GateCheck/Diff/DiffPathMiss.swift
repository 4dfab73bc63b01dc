/// A diff and a coverage report whose paths do not map: "no changed line is measured" only because the paths differ.
///
/// A coverage report written in a container or a build directory (`/build/src/calc.py`) and a diff of the
/// repository (`service/src/calc.py`) share no path and neither is a suffix of the other, so without a `paths` rule
/// no changed file is measured, `coverage.diff_lines_missed` is 0 and a gate on it passes over a change nobody
/// tested. When no changed file is measured, a changed file whose last two path components (directory and name)
/// are those of a report's file is taken as such a miss: a diff gate cannot be judged until `paths` maps them. A
/// change that touches only files no report measures (documentation, tests) has no such twin and is judged as
/// before.
enum DiffPathMiss {
    /// One message per changed file that ends like a report's file without mapping to it.
    static func unmapped(_ unmeasured: [String], misses: [(key: String, path: String)]) -> [String] {
        guard !misses.isEmpty else { return [] }
        var byTail: [Substring: (key: String, path: String)] = [:]
        for miss in misses where byTail[tail(miss.path)] == nil { byTail[tail(miss.path)] = miss }
        return unmeasured.compactMap { changed in
            let end = tail(changed)
            guard end.contains("/"), let miss = byTail[end] else { return nil }
            return "\(changed) is changed and the coverage report measures \(miss.key) (read as \(miss.path)), which "
                + "ends the same (\(end)) but does not map to it"
        }
    }

    /// The last two components of a path (`src/calc.py`), or the whole path when it has fewer.
    static func tail(_ path: String) -> Substring {
        let utf8 = path.utf8
        guard let last = utf8.lastIndex(of: UInt8(ascii: "/")) else { return Substring(path) }
        guard let previous = utf8[..<last].lastIndex(of: UInt8(ascii: "/")) else { return Substring(path) }
        return Substring(path[path.index(after: previous)...])
    }
}
