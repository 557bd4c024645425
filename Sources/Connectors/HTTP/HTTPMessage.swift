import Foundation

/// An HTTP request as a source builds it.
public struct HTTPRequest: Sendable {
    /// GET or POST.
    public var method: String
    /// The full URL.
    public var url: String
    /// Request headers; `Authorization` is never logged or printed.
    public var headers: [(name: String, value: String)]
    /// The body, for POST.
    public var body: [UInt8]?

    /// Creates a request.
    public init(
        method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The URL without its query, for messages (queries may carry filters, never secrets, but stay short).
    public var path: String {
        URLComponents(string: url)?.path ?? url
    }
}

/// An HTTP response: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable {
    /// The status code.
    public let status: Int
    /// Headers by lower-cased name (the last one wins).
    public let headers: [String: String]
    /// The body bytes.
    public let body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body parsed as a JSON object, or nil when it is not one (cut off, HTML, empty).
    public var jsonObject: [String: Any]? {
        JSONReader.object(body)
    }

    /// The body parsed as any JSON value.
    public var json: Any? {
        try? JSONReader.parse(body)
    }
}
