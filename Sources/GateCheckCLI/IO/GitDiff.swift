#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs git for `--diff-base`: `git merge-base REF HEAD`, then `git diff --no-color --no-ext-diff -U0 BASE HEAD`.
struct GitDiff {
    /// The repository's work tree.
    var directory: String

    /// The diff of HEAD against its merge-base with `ref`, and its name for messages; a shallow clone without the
    /// merge-base or an unknown ref is an error with the fix.
    func changes(since ref: String) -> Result<([UInt8], String), DiffLoadError> {
        if ref.hasPrefix("-") {
            return .failure(DiffLoadError("--diff-base \(ref) is not a ref (it starts with '-')"))
        }
        let verify = run(["rev-parse", "--verify", "--quiet", ref + "^{commit}"])
        guard verify.status == 0 else {
            let shallow = run(["rev-parse", "--is-shallow-repository"]).text.hasPrefix("true")
            return .failure(
                DiffLoadError(
                    "--diff-base \(ref) is not a commit git knows here"
                        + (shallow
                            ? " (this is a shallow clone); fetch it: `git fetch origin \(ref)`, or check out with "
                                + "`fetch-depth: 0` (GitHub Actions) / `GIT_DEPTH: 0` (GitLab)"
                            : "; fetch it (`git fetch origin`) or name an existing branch or commit")))
        }
        let base = run(["merge-base", ref, "HEAD"])
        guard base.status == 0, !base.text.isEmpty else {
            let shallow = run(["rev-parse", "--is-shallow-repository"]).text.hasPrefix("true")
            return .failure(
                DiffLoadError(
                    "git finds no merge-base of \(ref) and HEAD"
                        + (shallow
                            ? ": this is a shallow clone, so the common ancestor was not fetched; run "
                                + "`git fetch --unshallow` or check out with `fetch-depth: 0` (GitHub Actions) / "
                                + "`GIT_DEPTH: 0` (GitLab)"
                            : ": the histories are unrelated; name a ref that shares history with HEAD")))
        }
        let commit = String(base.text.prefix { $0 != "\n" })
        let diff = run(["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", commit, "HEAD"])
        guard diff.status == 0 else {
            return .failure(DiffLoadError("`git diff \(commit) HEAD` failed: \(diff.error)"))
        }
        return .success((diff.output, "git diff \(commit.prefix(12))..HEAD"))
    }

    /// Runs `git -C directory arguments…`; its exit status, output and error output.
    func run(_ arguments: [String]) -> (status: Int32, output: [UInt8], text: String, error: String) {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { return (-1, [], "", "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, outPipe[0])
        posix_spawn_file_actions_addclose(&actions, errPipe[0])
        let argv = ["git", "-C", directory] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, &cArguments, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            return (-1, [], "", "git could not be started (is it installed and on PATH?)")
        }
        // stderr is small; read stdout fully first, then stderr (git writes little to stderr here).
        let output = Self.readAll(outPipe[0])
        let error = Self.readAll(errPipe[0])
        close(outPipe[0])
        close(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
        return (exited, output, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    /// Every byte of a descriptor, to its end.
    static func readAll(_ descriptor: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                result += buffer[0..<count]
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        return result
    }
}
