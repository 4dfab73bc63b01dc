/// Whether a Trivy report shows a scan that ran: "no findings" counts only from a scan that found something to scan.
///
/// Trivy writes one result per target it scanned (`Results` is `omitempty`). Scanning a container image always
/// finds a target when it works: the operating system's packages (`Class: "os-pkgs"`, written even when they
/// have no vulnerability) or a language's packages. An image report without any result is therefore one in which
/// Trivy found nothing it could scan: the OS was not detected (Trivy logs "OS is not detected"; `Metadata.OS`
/// says `"Family": "none"`), or `--skip-files`/`--skip-dirs` left nothing, as Trivy's own golden file
/// `alpine-39-skip.json.golden` shows for an Alpine 3.9 image with known vulnerabilities. Such a report is no
/// evidence that the image is clean. Filesystem and repository reports are not judged this way: a directory may
/// hold nothing Trivy scans and still be clean.
enum TrivyScanEvidence {
    /// The artifact types whose scan always yields a result when it worked.
    static let imageTypes: Set<String> = ["container_image", "vm"]

    /// The record of a scan that did not happen, when the report is an image report without any result.
    static func unscannedImage(_ context: TrivyJSONParser.Context) -> NotScanned? {
        guard context.results == 0, let type = context.artifactType, imageTypes.contains(type) else { return nil }
        let name = context.artifactName.map { " of \($0)" } ?? ""
        return NotScanned(
            tool: "trivy",
            reason: "the Trivy report\(name) (ArtifactType \"\(type)\") has no Results: Trivy found nothing to scan "
                + "in it (the OS was not detected, or --skip-files/--skip-dirs left nothing), and a scanned image "
                + "always has at least its OS packages' result; check the image reference and Trivy's log (\"OS is "
                + "not detected\"), then scan again")
    }
}
