#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's identity: the device and inode of the file itself (after following links), which two paths to the same
/// file share whatever their text.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of what `path` leads to, or `nil` when it cannot be `stat`ed.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        // dev_t is unsigned on Glibc and signed on Darwin.
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }
}

/// What a directory entry is, as far as a walk cares.
enum FileType: Sendable {
    case regular, directory, symbolicLink, fifo, socket, device, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR, S_IFBLK: self = .device
        default: self = .other
        }
    }

    /// The type as a noun for a message ("a FIFO").
    var noun: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a directory"
        case .symbolicLink: "a symbolic link"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .device: "a device"
        case .other: "not a regular file"
        }
    }
}

/// The status of a file: its type and identity.
struct FileStatus: Sendable {
    var type: FileType
    var identity: FileIdentity
}

/// A failed system call's `errno`, with the system's sentence for it.
struct SystemError: Error, Sendable, CustomStringConvertible {
    let code: Int32

    var description: String { String(cString: strerror(code)) }
}

/// The file-system calls a directory walk makes, behind a protocol so that tests can make any of them fail (as
/// root, permission bits do not).
protocol WalkFileSystem: Sendable {
    /// The names in a directory, as raw bytes, without `.` and `..`; a failure to open or to read it is an error.
    func entries(of directory: String) -> Result<[[UInt8]], SystemError>
    /// The entry itself (`lstat`).
    func linkStatus(_ path: String) -> Result<FileStatus, SystemError>
    /// What the path leads to, following links (`stat`).
    func status(_ path: String) -> Result<FileStatus, SystemError>
}

/// The real file system: `opendir`/`readdir` on raw bytes (no name is dropped or re-encoded), `lstat`, `stat`.
struct SystemFileSystem: WalkFileSystem {
    func entries(of directory: String) -> Result<[[UInt8]], SystemError> {
        guard let stream = opendir(directory) else { return .failure(SystemError(code: errno)) }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { return .failure(SystemError(code: errno)) }
                return .success(names)
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
    }

    func linkStatus(_ path: String) -> Result<FileStatus, SystemError> {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .failure(SystemError(code: errno)) }
        return .success(FileStatus(type: FileType(mode: info.st_mode), identity: FileIdentity(info)))
    }

    func status(_ path: String) -> Result<FileStatus, SystemError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(SystemError(code: errno)) }
        return .success(FileStatus(type: FileType(mode: info.st_mode), identity: FileIdentity(info)))
    }
}
