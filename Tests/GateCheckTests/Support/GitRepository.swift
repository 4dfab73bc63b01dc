import Foundation

/// A throwaway git repository in a temporary directory, driven by the real `git`, for tests over real diffs.
struct GitRepository {
    /// The work tree.
    let root: URL

    /// Whether `git` runs here; tests over real repositories are skipped without it.
    static let isAvailable: Bool = (try? run(["--version"], in: FileManager.default.temporaryDirectory).status) == 0

    /// Creates an empty repository with a fixed identity (commits must not depend on the machine's configuration).
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gatecheck-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "test@example.com")
        try git("config", "user.name", "Test")
        try git("config", "core.autocrlf", "false")
    }

    /// Writes a file (creating its directories).
    func write(_ path: String, _ content: String) throws {
        try write(path, Data(content.utf8))
    }

    /// Writes a file's bytes (creating its directories).
    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Stages everything and commits; returns the commit's id.
    @discardableResult
    func commit(_ message: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git in the repository.
    ///
    /// Returns its standard output; throws on a non-zero exit.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try gitBytes(arguments).text
    }

    /// Runs git; its standard output as bytes.
    func gitBytes(_ arguments: [String]) throws -> (bytes: [UInt8], text: String) {
        let result = try Self.run(arguments, in: root)
        guard result.status == 0 else {
            throw GitFailure(
                message: "git \(arguments.joined(separator: " ")) exited \(result.status): \(result.error)")
        }
        return (result.output, String(decoding: result.output, as: UTF8.self))
    }

    /// Removes the repository.
    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    private static func run(_ arguments: [String], in directory: URL) throws -> (
        status: Int32, output: [UInt8], error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](data), String(decoding: errorData, as: UTF8.self))
    }
}

/// A git command that failed.
struct GitFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
