/// Every ``JSONKeyEnum`` the readers declare, so that a test can check each enum's table against its cases.
///
/// A reader that adds a key enum lists it here too; `JSONKeyEnumTests` compares this list with the enums declared
/// in `Sources/GateCheck` and fails when one is missing.
@_spi(Internals) public enum JSONKeyEnums {
    /// The key enums, grouped by reader.
    public static var all: [any JSONKeyEnum.Type] {
        [
            BanditParser.TopKey.self, BanditParser.ResultKey.self, BanditParser.ErrorKey.self,
            PipAuditParser.TopKey.self, PipAuditParser.DependencyKey.self, PipAuditParser.VulnerabilityKey.self,
            SafetyParser.TopKey.self, SafetyParser.VulnerabilityKey.self, SafetyParser.SeverityKey.self,
            SafetyParser.CVEKey.self, SafetyParser.CVSSKey.self, SafetyParser.MetaKey.self,
            SafetyScanReader.ScanKey.self, SafetyScanReader.ProjectKey.self, SafetyScanReader.FileKey.self,
            SafetyScanReader.ResultsKey.self, SafetyScanReader.DependencyKey.self,
            SafetyScanReader.SpecificationKey.self, SafetyScanReader.VulnerabilitiesKey.self,
            SafetyScanReader.RemediationKey.self, SafetyScanReader.KnownKey.self,
            TrivyJSONParser.ReportKey.self, TrivyJSONParser.MetadataKey.self, TrivyJSONParser.ResourceKey.self,
            TrivyJSONParser.ResultKey.self,
            TrivyFindingReader.VulnerabilityKey.self, TrivyFindingReader.MisconfigurationKey.self,
            TrivyFindingReader.CauseKey.self, TrivyFindingReader.SecretKey.self, TrivyFindingReader.LicenseKey.self,
            CoveragePyJSONParser.TopKey.self, CoveragePyJSONParser.MetaKey.self, CoveragePyJSONParser.FileKey.self,
            CoveragePyJSONParser.SummaryKey.self,
            GoTestJSONParser.Key.self,
            DeepEvalParser.RunKey.self, DeepEvalParser.CaseKey.self, DeepEvalParser.MetricKey.self,
            DeepEvalParser.ScoresKey.self,
            AccuracySamples.SampleKey.self,
            ImageReportParser.InspectKey.self, ImageReportParser.ListKey.self,
            SARIFParser.LogKey.self,
            SARIFRunReader.RunKey.self, SARIFRunReader.ToolKey.self, SARIFRunReader.InvocationKey.self,
            SARIFRule.RuleKey.self, SARIFRule.ConfigurationKey.self, SARIFRule.PropertyKey.self,
            SARIFComponent.ComponentKey.self,
            SARIFResult.ResultKey.self, SARIFResult.ReferenceKey.self, SARIFResult.ComponentKey.self,
            SARIFResult.SuppressionKey.self, SARIFResult.MessageKey.self, SARIFResult.LocationKey.self,
            SARIFResult.PhysicalKey.self, SARIFResult.ArtifactKey.self, SARIFResult.RegionKey.self,
            SARIFResult.FingerprintKey.self, SARIFArtifacts.ArtifactKey.self, SARIFArtifacts.LocationKey.self,
            SafetyParser.PackageKey.self,
            PromptfooParser.TopKey.self, PromptfooParser.ResultsKey.self, PromptfooParser.StatsKey.self,
            PromptfooParser.ConfigKey.self, PromptfooRow.Key.self, PromptfooRow.InnerKey.self,
            PromptfooRow.ProviderKey.self, HistoryReader.LineKey.self, HistoryReader.ValueKey.self,
            BaselineFindings.Key.self,
        ]
    }
}
