/// The element names a Cobertura document is read by, matched once per distinct name (``XMLNameCache``).
extension CoberturaHandler {
    /// The elements the handler tells apart (`klass` is `<class>`).
    enum Element: UInt8 {
        case other, coverage, sources, source, packages, package, classes, klass, lines, line, methods, method
    }

    /// The element a name is.
    static func classify(_ name: XMLName) -> Element {
        if name.equals("line") { return .line }
        if name.equals("lines") { return .lines }
        if name.equals("class") { return .klass }
        if name.equals("classes") { return .classes }
        if name.equals("package") { return .package }
        if name.equals("packages") { return .packages }
        if name.equals("source") { return .source }
        if name.equals("sources") { return .sources }
        if name.equals("coverage") { return .coverage }
        if name.equals("methods") { return .methods }
        if name.equals("method") { return .method }
        return .other
    }
}
