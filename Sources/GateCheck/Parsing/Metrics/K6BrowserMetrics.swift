/// A k6 browser test's summary: its page requests are `browser_http_req_duration` and `browser_http_req_failed`, not
/// the `http_req_*` metrics of k6's `http` module, so it has no `http_reqs` and is read as a test of zero HTTP
/// requests (every latency gate `error`).
///
/// Found in the second hold-out (docs/reference/holdout.md): a browser test with 1 of its 242 requests failed was
/// gated as "the load test sent no requests", which is not what happened. The warning says what the file holds.
enum K6BrowserMetrics {
    /// Warns that the summary's requests are browser metrics, which gatecheck does not read.
    static func warn(at position: JSONPosition, _ decoder: inout JSONNodeDecoder) {
        decoder.warn(
            "browser",
            "this is a k6 browser test: its requests are browser_http_req_duration and browser_http_req_failed, "
                + "which gatecheck does not read (it reads the http module's http_req_duration, http_reqs and "
                + "http_req_failed), so it counts 0 HTTP requests and no latency gate can be judged on it",
            at: "metrics.browser_http_req_duration", position)
    }
}
