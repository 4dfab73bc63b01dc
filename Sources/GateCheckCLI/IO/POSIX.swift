#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The few C library calls whose Swift spelling differs between Glibc and Darwin, behind one spelling.

/// `read(2)`, under a name no method shadows: inside a type with its own `read(into:)` an unqualified `read` is the
/// method, and qualifying it as `Glibc.read` does not compile on Darwin.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// `write(2)`, for the same reason as ``systemRead(_:_:_:)``.
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// A joinable thread of its own (not one of Dispatch's, which a blocked reader could starve).
///
/// `pthread_t` is an integer on Glibc and a pointer on Darwin, and only Glibc passes the start routine an optional
/// argument, so the one `pthread_create` call is written for each.
enum JoinableThread {
    /// Starts `body` on a new thread; `nil` when none can be started.
    static func start(_ body: @escaping () -> Void) -> pthread_t? {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Darwin)
            var handle: pthread_t?
        #else
            var handle = pthread_t()
        #endif
        // The argument is optional on Glibc and not on Darwin; `run` takes an optional, which accepts both.
        let started = pthread_create(&handle, nil, { context in JoinableThread.run(context) }, context)
        guard started == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
        return handle
    }

    /// Waits for a thread started by ``start(_:)`` to end.
    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }

    private static func run(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let context else { return nil }
        Unmanaged<Body>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }

    private final class Body {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}
