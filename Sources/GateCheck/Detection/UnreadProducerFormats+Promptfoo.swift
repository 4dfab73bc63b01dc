extension UnreadProducerFormats {
    /// promptfoo's `Eval` object written as JSON by its Node API (`JSON.stringify(await promptfoo.evaluate(suite))`,
    /// as promptfoo's own `examples/config-node-package` does): not the results file, and an error rather than
    /// ignored, because it holds a run's failures.
    ///
    /// Its first key is the class's private `_resultsLoaded`, and its `results` is the array of rows, empty unless
    /// they were loaded: the pass and fail counts are only in `prompts[].metrics`, per prompt, with nothing to
    /// check them against. gatecheck reads the results file (`promptfoo eval -o results.json`, or the `EvaluateSummary`
    /// of `await eval.toEvaluateSummary()` written under `results` beside `evalId`).
    static func promptfooEval(_ shape: JSONSniffer.Shape) -> Detection? {
        guard !shape.isArray, shape.order.contains("_resultsLoaded"), shape.keys["results"] == .array else {
            return nil
        }
        return .unreadable(
            .wrongKind(
                expected: .promptfoo,
                found: "promptfoo's Eval object (`JSON.stringify(await promptfoo.evaluate(...))`, with "
                    + "`_resultsLoaded`), whose rows are not in it; write the results file with `promptfoo eval -o "
                    + "results.json` (or `{ evalId, results: await eval.toEvaluateSummary() }`)"))
    }
}
