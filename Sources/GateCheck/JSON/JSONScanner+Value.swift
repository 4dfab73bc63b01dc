/// A container being built by ``JSONScanner/readValue()``.
private struct OpenContainer {
    var isObject: Bool
    var position: JSONPosition
    var members: [JSONMember] = []
    var elements: [JSONNode] = []
    /// The key of the member whose value is being read.
    var key = ""
    var keyPosition = JSONPosition(offset: 0, line: 1, column: 1)

    /// The finished value.
    var node: JSONNode {
        JSONNode(value: isObject ? .object(members) : .array(elements), position: position)
    }

    /// Adds a finished value as the next element or as the value of the pending key.
    mutating func add(_ node: JSONNode) {
        if isObject {
            members.append(JSONMember(key: key, keyPosition: keyPosition, node: node))
        } else {
            elements.append(node)
        }
    }
}

extension JSONScanner {
    /// Materialises the next value with an explicit stack of open containers (no recursion).
    mutating func readValue() throws(JSONError) -> JSONNode {
        var open: [OpenContainer] = []
        while true {
            // Read one value: a scalar, or the opening of a container.
            let kind = try peek()
            let position = self.position
            var finished: JSONNode?
            switch kind {
            case .object:
                try beginObject()
                open.append(OpenContainer(isObject: true, position: position))
            case .array:
                try beginArray()
                open.append(OpenContainer(isObject: false, position: position))
            case .string: finished = JSONNode(value: .string(try readString()), position: position)
            case .number: finished = JSONNode(value: .number(try readNumber()), position: position)
            case .bool: finished = JSONNode(value: .bool(try readBool()), position: position)
            case .null:
                try readNull()
                finished = JSONNode(value: .null, position: position)
            }
            // Attach finished values and close finished containers until one needs another value.
            while true {
                if let node = finished {
                    guard !open.isEmpty else { return node }
                    open[open.count - 1].add(node)
                    finished = nil
                }
                let last = open.count - 1
                if open[last].isObject {
                    if try nextKey(in: .noKeys) != nil {
                        open[last].key = lastKey
                        open[last].keyPosition = keyPosition
                        break
                    }
                } else if try nextElement() {
                    break
                }
                finished = open.removeLast().node
            }
        }
    }

    /// The text of the last key, decoded.
    var lastKey: String {
        if keyStart >= 0 {
            return String(decoding: UnsafeBufferPointer(start: chunk.base + keyStart, count: keyCount), as: UTF8.self)
        }
        return String(decoding: keyBytes, as: UTF8.self)
    }
}
