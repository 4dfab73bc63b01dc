#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Named accuracy metrics from gatecheck's accuracy report (`schemas/accuracy.schema.json`) or an evaluation tool's
/// output mapped onto it (DeepEval test runs).
///
/// ```swift
/// if let retrieval = report.metrics["retrieval"], let value = retrieval.value { print(value) }
/// ```
@_spi(Internals) public struct AccuracyReport: Sendable, Hashable {
    /// What the file was: `gatecheck.accuracy/v1`, `DeepEval test run`.
    public var format: String
    /// The evaluation dataset's name, when the report gives one.
    public var dataset: String?
    /// How many samples the dataset holds, when the report says.
    public var datasetSize: Int?
    /// When the evaluation ran, as the report wrote it.
    public var generatedAt: String?
    /// The metrics by gatecheck name (after `accuracy_mapping`), gateable as `accuracy.<name>`.
    public var metrics: [String: AccuracyMetric]

    /// Creates a report.
    public init(
        format: String, dataset: String? = nil, datasetSize: Int? = nil, generatedAt: String? = nil,
        metrics: [String: AccuracyMetric] = [:]
    ) {
        self.format = format
        self.dataset = dataset
        self.datasetSize = datasetSize
        self.generatedAt = generatedAt
        self.metrics = metrics
    }
}

/// One accuracy metric of one report: its value in [0, 1] or why there is none, and the samples behind it.
@_spi(Internals) public struct AccuracyMetric: Sendable, Hashable {
    /// The name the report used (`Contextual Recall`), before normalisation and mapping.
    public var sourceName: String
    /// The value in [0, 1]; `nil` when it cannot be judged (NaN, null, missing, out of range, no sample scored).
    public var value: Decimal?
    /// Why ``value`` is `nil`, in words for the user.
    public var problem: String?
    /// The value the report states, when it disagrees with ``value``, the mean of the samples it lists: each gate
    /// judges the worse of the two (the lower for a `min` bound, the higher for a `max` bound).
    public var statedValue: Decimal?
    /// How many samples were evaluated for this metric, scored or not.
    public var samples: Int
    /// How many of them have no score (NaN, null, an evaluation error).
    public var unscored: Int
    /// The lowest-scoring samples, at most ``AccuracyMetric/sampleLimit``, lowest first (named when a `min` gate
    /// fails).
    public var lowestSamples: [SampleScore]
    /// The highest-scoring samples, at most ``AccuracyMetric/sampleLimit``, highest first (named when a `max` gate
    /// fails, for metrics where lower is better).
    public var highestSamples: [SampleScore]
    /// Every sample's score by id (`nil`: unscored), when the run keeps them for a baseline
    /// (`accuracy.regressed_samples`); `nil` otherwise, or when the report lists no samples.
    public var sampleScores: [String: Decimal?]?

    /// How many of the lowest- and of the highest-scoring samples a metric keeps.
    public static let sampleLimit = 10

    /// Creates a metric.
    public init(
        sourceName: String, value: Decimal?, problem: String? = nil, samples: Int, unscored: Int = 0,
        lowestSamples: [SampleScore] = [], highestSamples: [SampleScore] = [], statedValue: Decimal? = nil,
        sampleScores: [String: Decimal?]? = nil
    ) {
        self.sampleScores = sampleScores
        self.statedValue = statedValue
        self.sourceName = sourceName
        self.value = value
        self.problem = problem
        self.samples = samples
        self.unscored = unscored
        self.lowestSamples = lowestSamples
        self.highestSamples = highestSamples
    }
}

/// One sample's score for one metric.
@_spi(Internals) public struct SampleScore: Sendable, Hashable {
    /// The sample's id (`q-017`, a DeepEval test case name).
    public var id: String
    /// Its score in [0, 1].
    public var score: Decimal

    /// Creates a sample score.
    public init(id: String, score: Decimal) {
        self.id = id
        self.score = score
    }

    /// The lowest `limit` scores, lowest first, ties by id, so that equal inputs list the same samples.
    static func lowest(_ scores: [SampleScore], limit: Int = AccuracyMetric.sampleLimit) -> [SampleScore] {
        Array(scores.sorted { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id }.prefix(limit))
    }

    /// The highest `limit` scores, highest first, ties by id.
    static func highest(_ scores: [SampleScore], limit: Int = AccuracyMetric.sampleLimit) -> [SampleScore] {
        Array(scores.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(limit))
    }
}
