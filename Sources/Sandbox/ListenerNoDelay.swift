import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns Nagle's algorithm off on the Sandbox's listening socket; accepted connections inherit it.
///
/// FlyingFox writes a response's headers and body in two writes. With Nagle on, the body waits for the client to
/// acknowledge the headers, and clients delay that acknowledgement by up to 40 ms: every request on a kept-alive
/// connection paid 40 ms. FlyingFox offers no socket option, so the listener is found by its port among this process's
/// descriptors.
enum ListenerNoDelay {
    /// Sets TCP_NODELAY on the listening IPv4 socket bound to `port`; false when none was found.
    @discardableResult
    static func apply(port: UInt16) -> Bool {
        for descriptor in Int32(3)..<Int32(4_096) {
            var listening: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) == 0, listening != 0 else {
                continue
            }
            var address = sockaddr_in()
            var addressLength = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &addressLength) }
            }
            guard named == 0, Int32(address.sin_family) == AF_INET, UInt16(bigEndian: address.sin_port) == port else {
                continue
            }
            var on: Int32 = 1
            return setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                == 0
        }
        return false
    }
}
