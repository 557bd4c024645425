import CCurl
import Foundation

/// One libcurl easy handle, reused across requests so connections are kept alive.
///
/// Response bytes reach Swift through C-convention callbacks that find their buffer through `CURLOPT_WRITEDATA`
/// (an unmanaged reference), never through a capture.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private let options: HTTPOptions

    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    init(options: HTTPOptions) throws {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else { throw TransportError(code: -1, reason: "curl_easy_init failed") }
        self.handle = handle
        self.options = options
    }

    deinit { curl_easy_cleanup(handle) }

    /// Performs one request within `timeoutMilliseconds` (default the options' total); transport failures throw,
    /// HTTP statuses are returned, and a body past `maxBodyBytes` throws `ResponseTooLarge`.
    func perform(_ request: HTTPRequest, timeoutMilliseconds: Int? = nil) throws -> HTTPResponse {
        curl_easy_reset(handle)
        let sink = ResponseSink(limit: options.maxBodyBytes)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.headers {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        if request.body != nil { headerList = curl_slist_append(headerList, "Expect:") }

        try check(ccurl_setopt_string(handle, CURLOPT_URL, request.url))
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMilliseconds))
        try check(
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMilliseconds ?? options.totalTimeoutMilliseconds))
        try check(ccurl_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent))
        try check(ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        try check(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        try check(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        if let caFile = options.caFile { try check(ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
        try check(
            ccurl_setopt_callback(
                handle, CURLOPT_WRITEFUNCTION,
                { data, size, count, context in
                    guard let data, let context else { return 0 }
                    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                    guard sink.body.count + size * count <= sink.limit else {
                        sink.isTooLarge = true
                        return 0  // libcurl stops the transfer
                    }
                    sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
                    return size * count
                }))
        try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(
            ccurl_setopt_callback(
                handle, CURLOPT_HEADERFUNCTION,
                { data, size, count, context in
                    guard let data, let context else { return 0 }
                    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
                    sink.header(line)
                    return sink.isTooLarge ? 0 : size * count
                }))
        try check(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        if let body = request.body {
            try check(ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count))
            try body.withUnsafeBufferPointer { buffer in
                try buffer.baseAddress.map { pointer in
                    try pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        try check(ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, $0))
                    }
                }
            }
        }
        if request.body == nil && request.method == "POST" {
            // A POST without a body is still a POST (libcurl sends GET unless told).
            try check(ccurl_setopt_long(handle, CURLOPT_POST, 1))
            try check(ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, 0))
        }
        if request.method != "GET" && request.method != "POST" {
            try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
        }
        let code = withExtendedLifetime(sink) { curl_easy_perform(handle) }
        if sink.isTooLarge { throw ResponseTooLarge(limit: sink.limit) }
        guard code == CURLE_OK else {
            throw TransportError(code: Int(code.rawValue), reason: String(cString: curl_easy_strerror(code)))
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    private func check(_ code: CURLcode) throws {
        guard code == CURLE_OK else {
            throw TransportError(code: Int(code.rawValue), reason: String(cString: curl_easy_strerror(code)))
        }
    }
}

/// Collects a response's body and headers while libcurl reads it, up to a limit.
private final class ResponseSink {
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    let limit: Int
    /// Set when the body (or its announced `Content-Length`) passes the limit.
    var isTooLarge = false

    init(limit: Int) { self.limit = limit }

    func header(_ line: String) {
        if line.hasPrefix("HTTP/") {
            headers.removeAll()  // a new response (after a redirect or 100-continue)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = value
        if name == "content-length", let length = Int(value), length > limit { isTooLarge = true }
    }
}

/// A response body larger than the client reads.
struct ResponseTooLarge: Error {
    let limit: Int
}

/// A failure below HTTP: connection refused, timeout, TLS, a body cut off mid-transfer.
public struct TransportError: Error, CustomStringConvertible, Sendable {
    /// libcurl's error code.
    public let code: Int
    /// libcurl's explanation.
    public let reason: String

    public var description: String { "curl \(code) (\(reason))" }
}
